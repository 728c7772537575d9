using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// Everything the docs know of one case: its approved snapshots (oldest release first per
/// platform), and the article rows that measured it.
/// </summary>
public sealed record CaseValues(SnapshotKey Key, IReadOnlyList<ApprovedSnapshot> Approved, PublishedTable? Article, IReadOnlyList<PublishedRow> ArticleRows)
{
    /// <summary>Rows (a walk of steps) or one set of facts: as its newest snapshot has it, else as the article's rows do.</summary>
    public bool IsFacts => Approved.Count > 0 ? KeyValues.Of(Approved[^1].Text).IsFacts : ArticleRows.Count <= 1;

    public KeyValues? ArticleValues => Article?.KeyValuesOf(ArticleRows);

    /// <summary>"linux x86_64 at linux-6.18", one per os and arch: the release each last changed at.</summary>
    public IReadOnlyList<(string Series, ApprovedSnapshot Latest)> LastChanged =>
        [.. Approved.GroupBy(a => $"{a.Platform.Os} {a.Platform.Arch}").Select(g => (g.Key, g.MaxBy(a => a.Platform.Release)!))];

    /// <summary>The cases of a family: the article's first (in its order), then the others by name.</summary>
    public static IReadOnlyList<CaseValues> Of(string family, ApprovedSnapshots snapshots, IReadOnlyList<PublishedTable> published)
    {
        var articleRows = published.SelectMany(t => t.Rows.Select(r => (Table: t, Row: r))).Where(p => p.Row.Key.Family == family).ToList();
        var keys = articleRows.Select(p => p.Row.Key).Distinct()
            .Concat(snapshots.Of(family).Select(s => s.Key).Distinct().OrderBy(k => k.Case, StringComparer.Ordinal))
            .Distinct()
            .ToList();
        return [.. keys.Select(key =>
        {
            var rows = articleRows.Where(p => p.Row.Key == key).ToList();
            return new CaseValues(key, [.. snapshots.All.Where(s => s.Key == key)], rows.FirstOrDefault().Table, [.. rows.Select(p => p.Row)]);
        })];
    }

    /// <summary>The release points of a set of snapshots (os, arch, release), in tree order.</summary>
    public static IReadOnlyList<Platform> ReleasesOf(IEnumerable<ApprovedSnapshot> approved) =>
        [.. approved.Select(a => a.Platform).Distinct().OrderBy(p => p.Os, StringComparer.Ordinal).ThenBy(p => p.Arch, StringComparer.Ordinal).ThenBy(p => p.Release)];
}

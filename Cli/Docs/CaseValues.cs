using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Docs;

/// <summary>One approved snapshot with the key values its declared table holds (null: its scenario declares none).</summary>
public sealed record ApprovedValues(ApprovedSnapshot Snapshot, KeyRows? Values);

/// <summary>
/// Everything the matrix knows of one case: its row (a row of the family's table of cases, or a
/// case only the snapshot tree or the article knows), its approved snapshots (oldest release
/// first per platform), and the article rows that measured it.
/// </summary>
public sealed record CaseValues(string Label, string Kernel, SnapshotKey? Key, IReadOnlyList<ApprovedValues> Approved, PublishedTable? Article, IReadOnlyList<PublishedRow> ArticleRows)
{
    public KeyRows? ArticleValues => Article?.KeyRowsOf(ArticleRows);

    /// <summary>The values a reader compares, newest approved first, then the article's.</summary>
    IEnumerable<KeyRows> AllValues => Approved.Select(a => a.Values).Reverse().Append(ArticleValues).OfType<KeyRows>();

    /// <summary>A walk of steps has a table of its own below the family's; a set of facts (or nothing yet) is one row.</summary>
    public bool IsWalk => AllValues.FirstOrDefault() is { IsFacts: false };

    /// <summary>"linux x86_64 at linux-6.18", one per os and arch: the release each last changed at.</summary>
    public IReadOnlyList<(string Series, ApprovedSnapshot Latest)> LastChanged =>
        [.. Approved.Select(a => a.Snapshot).GroupBy(a => $"{a.Platform.Os} {a.Platform.Arch}").Select(g => (g.Key, g.MaxBy(a => a.Platform.Release)!))];

    /// <summary>
    /// The cases of a family: every row of its table of cases in table order (without a table:
    /// every scenario of the family the catalogue lists), then the article's cases and the
    /// approved ones no row names, by name.
    /// </summary>
    public static IReadOnlyList<CaseValues> Of(string family, ApprovedSnapshots snapshots, IReadOnlyList<PublishedTable> published)
    {
        var table = CaseTable.Of(family);
        var rows = table is not null
            ? table.Rows.Select(r => (Label: r.Description, Kernel: r.Kernel.Title(), Key: CaseTable.KeyOf(r, family)))
            : ScenarioCatalogue.All.SelectMany(g => g.Scenarios).Where(s => s.Family == family)
                .Select(s => (Label: s.Case, Kernel: string.Join(", ", s.Kernels.Select(k => k.Title())), Key: (SnapshotKey?)s.Key));
        // Rows of one snapshot case (fork-cow's XNU and Linux rows run one command) are one row, of both kernels.
        var listed = rows.GroupBy(r => r.Key is null ? r.Label : r.Key.ToString())
            .Select(g => g.Count() == 1
                ? g.First()
                : (Label: WithoutKernel(g.First().Label, g.First().Kernel), Kernel: string.Join(", ", g.Select(r => r.Kernel).Distinct()), g.First().Key))
            .ToList();
        var articleRows = published.SelectMany(t => t.Rows.Select(r => (Table: t, Row: r))).Where(p => p.Row.Key.Family == family).ToList();
        var unlisted = articleRows.Select(p => p.Row.Key)
            .Concat(snapshots.Of(family).Select(s => s.Key).OrderBy(k => k.Case, StringComparer.Ordinal))
            .Distinct()
            .Where(k => listed.All(r => r.Key != k))
            .Select(k => (Label: k.Case, Kernel: string.Join(", ", snapshots.All.Where(s => s.Key == k).Select(s => s.Platform.Kernel.Title()).Distinct()), Key: (SnapshotKey?)k))
            .ToList();

        // A case's run without frame access follows its case, under its case's name.
        var ordered = new List<(string Label, string Kernel, SnapshotKey? Key)>();
        foreach (var row in listed)
        {
            ordered.Add(row);
            var withoutFrames = unlisted.Where(u => row.Key is { } key && u.Key == new SnapshotKey(key.Family, key.Case + CapSysAdmin.WithoutFramesSuffix)).ToList();
            ordered.AddRange(withoutFrames.Select(u => (Label: $"{row.Label}, without CAP_SYS_ADMIN", u.Kernel, u.Key)));
            unlisted.RemoveAll(withoutFrames.Contains);
        }

        ordered.AddRange(unlisted);
        return [.. ordered.Select(r =>
        {
            var article = articleRows.Where(p => p.Row.Key == r.Key).ToList();
            var approved = snapshots.All.Where(s => s.Key == r.Key).Select(s => new ApprovedValues(s, DeclaredKeyTables.Of(s))).ToList();
            return new CaseValues(r.Label, r.Kernel.Length == 0 ? "—" : r.Kernel, r.Key, approved, article.FirstOrDefault().Table, [.. article.Select(p => p.Row)]);
        })];
    }

    /// <summary>"one page, written by the child (XNU)" without its kernel, for a row that stands for both.</summary>
    static string WithoutKernel(string label, string kernel) =>
        label.EndsWith($" ({kernel})", StringComparison.Ordinal) ? label[..^(kernel.Length + 3)] : label;

    /// <summary>The release points of a set of snapshots (os, arch, release), in tree order.</summary>
    public static IReadOnlyList<Platform> ReleasesOf(IEnumerable<ApprovedSnapshot> approved) =>
        [.. approved.Select(a => a.Platform).Distinct().OrderBy(p => p.Os, StringComparer.Ordinal).ThenBy(p => p.Arch, StringComparer.Ordinal).ThenBy(p => p.Release)];
}

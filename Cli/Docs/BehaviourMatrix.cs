using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// docs/behaviour-matrix.md: for every family and case, the key values per OS release and arch
/// from the approved snapshots, the release at which each case last changed, and the article's
/// published numbers beside them.
/// </summary>
public static class BehaviourMatrix
{
    public const string Document = "docs/behaviour-matrix.md";

    const string Missing = "—";

    public static string Render(IReadOnlyList<string> families, ApprovedSnapshots snapshots, IReadOnlyList<PublishedTable> published)
    {
        var report = new MarkdownReport()
            .Heading(1, "Behaviour matrix")
            .Paragraph(
                $"Generated from `snapshots/` and the article's tables in `docs/reference/` (`{GeneratedDocs.Command}`); do not edit by hand.")
            .Paragraph(
                "For each case: its key values on every OS release and arch with an approved snapshot (a release shows what applies there: " +
                "the newest approval not newer than it), the release at which it last changed, and the numbers the article published " +
                "(one Apple silicon Mac, 16 KiB pages) beside them. A cell lists its values in the order its column names them; " +
                $"{Missing} is nothing approved or published.")
            .Paragraph(Coverage(snapshots));
        foreach (var family in families)
        {
            Family(report, family, snapshots, published);
        }

        return report.ToString();
    }

    static string Coverage(ApprovedSnapshots snapshots)
    {
        var series = snapshots.All.GroupBy(s => $"{s.Platform.Os} {s.Platform.Arch}")
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(s => s.Platform.ReleaseDirectory).Distinct())})").ToList();
        var approved = series.Count == 0 ? "No approved snapshot on any platform yet." : $"Approved snapshots: {string.Join("; ", series)}.";
        return snapshots.All.Any(s => s.Platform.Os == "macos")
            ? approved
            : approved + " XNU (macOS) has no approved observation yet: its columns appear once a Mac run of the workflow is brought home " +
              "with `dotnet run --project Cli -- accept --from <artifact>` (see the README); until then the article's numbers stand alone.";
    }

    static void Family(MarkdownReport report, string family, ApprovedSnapshots snapshots, IReadOnlyList<PublishedTable> published)
    {
        report.Heading(2, family);
        var cases = CaseValues.Of(family, snapshots, published);
        var page = $"Claims, specs and every approved table: [families/{family}.md](families/{family}.md).";
        if (cases.Count == 0)
        {
            report.Paragraph(page + " No snapshot of this family is approved on any platform yet, and the article published no numbers for it.");
            return;
        }

        report.Paragraph(snapshots.Of(family).Any(s => s.Platform.Os == "macos")
            ? page
            : page + " XNU (macOS): no approved observation of this family yet.");
        var articles = cases.Select(c => c.Article).OfType<PublishedTable>().Distinct().ToList();
        if (articles.Count > 0)
        {
            report.Paragraph("The article's column, as published: " + string.Join(", ", articles.Select(a => $"[`docs/reference/{a.File}`](reference/{a.File})")) + ".");
        }

        var facts = cases.Where(c => c.IsFacts).ToList();
        if (facts.Count > 0)
        {
            FactsTable(report, facts);
        }

        foreach (var walk in cases.Where(c => !c.IsFacts))
        {
            report.Heading(3, walk.Key.Case);
            RowsTable(report, walk);
            report.Paragraph(LastChanged(walk));
        }
    }

    /// <summary>One row per case: the cases that are each one set of facts (one OOL transfer each).</summary>
    static void FactsTable(MarkdownReport report, IReadOnlyList<CaseValues> cases)
    {
        var releases = CaseValues.ReleasesOf(cases.SelectMany(c => c.Approved));
        var withArticle = cases.Any(c => c.ArticleValues is not null);
        var values = cases.SelectMany(c => c.Approved.Select(a => KeyValues.Of(a.Text)).Append(c.ArticleValues)).OfType<KeyValues>().ToList();
        var names = values.Select(v => string.Join(" / ", v.Columns)).Distinct().ToList();
        var uniform = names.Count <= 1;
        if (uniform && names.Count == 1)
        {
            report.Paragraph($"Each cell: {names[0]}.");
        }

        var headers = new List<string> { "case" };
        if (withArticle)
        {
            headers.Add("article");
        }

        headers.AddRange(releases.Select(r => r.ToString()));
        headers.Add("last changed");
        report.Table(headers, cases.Select(c =>
        {
            var row = new List<string> { c.ArticleRows.Count == 1 ? $"{c.Key.Case} (article: {c.ArticleRows[0].Label})" : c.Key.Case };
            if (withArticle)
            {
                row.Add(c.ArticleValues is { } article ? Cell(article, uniform) : Missing);
            }

            row.AddRange(releases.Select(r => Approved(c, r) is { } a ? Cell(KeyValues.Of(a.Text), uniform) : Missing));
            row.Add(c.LastChanged.Count == 0 ? "not observed yet" : string.Join("; ", c.LastChanged.Select(l => $"{l.Series}: {l.Latest.Platform.ReleaseDirectory}")));
            return (IReadOnlyList<string>)row;
        }));
    }

    /// <summary>A case that is a walk: one row per step, a column for the article and for each release it changed at.</summary>
    static void RowsTable(MarkdownReport report, CaseValues walk)
    {
        var columns = new List<(string Header, KeyValues Values)>();
        if (walk.ArticleValues is { } article)
        {
            columns.Add(("article", article));
        }

        columns.AddRange(walk.Approved.Select(a => (a.Platform.ToString(), KeyValues.Of(a.Text))));
        var labels = columns.SelectMany(c => c.Values.Rows.Select(r => r.Label)).Distinct().ToList();
        report.Table(
            ["step", .. columns.Select(c => $"{c.Header}: {string.Join(" / ", c.Values.Columns)}")],
            labels.Select(label => (IReadOnlyList<string>)
            [
                label,
                .. columns.Select(c => c.Values.Rows.FirstOrDefault(r => r.Label == label).Values is { } v ? string.Join(" / ", v) : Missing),
            ]));
    }

    static ApprovedSnapshot? Approved(CaseValues c, Platform release) =>
        c.Approved.Where(a => a.Platform.Os == release.Os && a.Platform.Arch == release.Arch && a.Platform.Release <= release.Release)
            .MaxBy(a => a.Platform.Release);

    static string Cell(KeyValues values, bool uniform) =>
        uniform
            ? string.Join(" / ", values.Rows[0].Values)
            : string.Join(", ", values.Columns.Zip(values.Rows[0].Values, (n, v) => $"{n} {v}"));

    static string LastChanged(CaseValues c) =>
        c.LastChanged.Count == 0
            ? "Last changed: not observed on any platform yet."
            : "Last changed: " + string.Join("; ", c.LastChanged.Select(l =>
                $"{l.Series} at {l.Latest.Platform.ReleaseDirectory} ([approved file](../snapshots/{l.Latest.Path}))")) + ".";
}

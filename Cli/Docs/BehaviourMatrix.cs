using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// docs/behaviour-matrix.md: for every family, one row per case of its table of cases (and any
/// case only the article or the tree has): the key values per OS release and arch, read from the
/// table each approved snapshot's scenario declares (<see cref="KeyTable"/>), the release at
/// which each case last changed, and the article's published numbers beside them.
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
        var page = $"Claims, cases, specs and every approved file: [families/{family}.md](families/{family}.md).";
        if (cases.Count == 0)
        {
            report.Paragraph(page + " The family has no case yet: no table of cases, no scenario, no approved snapshot and no number of the article.");
            return;
        }

        report.Paragraph(snapshots.Of(family).Any(s => s.Platform.Os == "macos")
            ? page
            : page + " XNU (macOS): no approved observation of this family yet.");
        report.Paragraph(CaseTable.Of(family) is { } table
            ? $"One row per case of the family's table of cases (`{table.Name}`), in its order, then any case only the article or the snapshot tree has."
            : "The family has no table of cases yet: one row per scenario `oolspecs observe` runs for it, then any case only the article or the snapshot tree has.");
        var articles = cases.Select(c => c.Article).OfType<PublishedTable>().Distinct().ToList();
        if (articles.Count > 0)
        {
            report.Paragraph("The article's column, as published: " + string.Join(", ", articles.Select(a => $"[`docs/reference/{a.File}`](reference/{a.File})")) + ".");
        }

        CasesTable(report, cases);
        foreach (var walk in cases.Where(c => c.IsWalk))
        {
            report.Heading(3, walk.Key!.Case);
            RowsTable(report, walk);
            report.Paragraph(LastChanged(walk));
        }
    }

    /// <summary>One row per case: a set of facts in its cells, a walk by its count of steps (its table follows).</summary>
    static void CasesTable(MarkdownReport report, IReadOnlyList<CaseValues> cases)
    {
        var releases = CaseValues.ReleasesOf(cases.SelectMany(c => c.Approved.Select(a => a.Snapshot)));
        var withArticle = cases.Any(c => c.ArticleValues is not null);
        var facts = cases.Where(c => !c.IsWalk)
            .SelectMany(c => c.Approved.Select(a => a.Values).Append(c.ArticleValues)).OfType<KeyRows>().ToList();
        var names = facts.Select(v => string.Join(" / ", v.Columns)).Distinct().ToList();
        var uniform = names.Count <= 1;
        if (uniform && names.Count == 1)
        {
            report.Paragraph($"Each cell of a case that is one set of facts: {names[0]}.");
        }

        List<string> headers = ["case", "kernel", "snapshot case"];
        if (withArticle)
        {
            headers.Add("article");
        }

        headers.AddRange(releases.Select(r => r.ToString()));
        headers.Add("last changed");
        report.Table(headers, cases.Select(c =>
        {
            var row = new List<string>
            {
                c.ArticleRows.Count == 1 ? $"{c.Label} (article: {c.ArticleRows[0].Label})" : c.Label,
                c.Kernel,
                c.Key is { } key ? $"`{key.Case}`" : Missing,
            };
            if (withArticle)
            {
                row.Add(c.ArticleValues is { } article ? Cell(article, uniform) : Missing);
            }

            row.AddRange(releases.Select(r => Approved(c, r) is { } a ? Cell(a, uniform) : Missing));
            row.Add(c.LastChanged.Count == 0 ? "not observed yet" : string.Join("; ", c.LastChanged.Select(l => $"{l.Series}: {l.Latest.Platform.ReleaseDirectory}")));
            return (IReadOnlyList<string>)row;
        }));
    }

    /// <summary>A case that is a walk: one row per step, a column for the article and for each release it changed at.</summary>
    static void RowsTable(MarkdownReport report, CaseValues walk)
    {
        var columns = new List<(string Header, KeyRows Values)>();
        if (walk.ArticleValues is { } article)
        {
            columns.Add(("article", article));
        }

        columns.AddRange(walk.Approved.Where(a => a.Values is not null).Select(a => (a.Snapshot.Platform.ToString(), a.Values!)));
        var labels = columns.SelectMany(c => c.Values.Rows.Select(r => r.Label)).Distinct().ToList();
        report.Table(
            ["step", .. columns.Select(c => $"{c.Header}: {string.Join(" / ", c.Values.Columns)}")],
            labels.Select(label => (IReadOnlyList<string>)
            [
                label,
                .. columns.Select(c => c.Values.Rows.FirstOrDefault(r => r.Label == label).Values is { } v ? string.Join(" / ", v) : Missing),
            ]));
    }

    static ApprovedValues? Approved(CaseValues c, Platform release) =>
        c.Approved.Where(a => a.Snapshot.Platform.Os == release.Os && a.Snapshot.Platform.Arch == release.Arch && a.Snapshot.Platform.Release <= release.Release)
            .MaxBy(a => a.Snapshot.Platform.Release);

    /// <summary>An approved snapshot's cell: its facts, its count of steps (a walk: its table follows), or a link where its scenario declares no key table.</summary>
    static string Cell(ApprovedValues approved, bool uniform) =>
        approved.Values is { } values ? Cell(values, uniform) : $"[approved](../snapshots/{approved.Snapshot.Path})";

    /// <summary>A set of facts, with their names where the table's note cannot name them; a walk by its count of steps.</summary>
    static string Cell(KeyRows values, bool uniform) =>
        !values.IsFacts ? $"{values.Rows.Count} steps, below"
        : uniform ? string.Join(" / ", values.Rows[0].Values)
        : string.Join(", ", values.Columns.Zip(values.Rows[0].Values, (n, v) => $"{n} {v}"));

    static string LastChanged(CaseValues c) =>
        c.LastChanged.Count == 0
            ? "Last changed: not observed on any platform yet."
            : "Last changed: " + string.Join("; ", c.LastChanged.Select(l =>
                $"{l.Series} at {l.Latest.Platform.ReleaseDirectory} ([approved file](../snapshots/{l.Latest.Path}))")) + ".";
}

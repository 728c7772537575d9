using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Docs.SpecFamilies;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// docs/families/&lt;Family&gt;.md, one page per spec family, and docs/families/README.md, their
/// index: the family's claims with the kernel functions that decide each and where they were
/// read, its specs, the article's numbers, a table of its approved snapshots per release, and how to run just
/// that family. Families are found by reflection, so a new one gets its page without code.
/// </summary>
public static class FamilyPages
{
    public const string Folder = "docs/families";
    public const string Index = "README.md";

    static string Generated => $"Generated from the spec classes, `snapshots/` and `docs/reference/` (`{GeneratedDocs.Command}`); do not edit by hand.";

    public static string FileName(string family) => family + ".md";

    /// <summary>The folder's landing page: a link per family; docs/specs.md is the index with what each observes and its counts.</summary>
    public static string RenderIndex(IReadOnlyList<string> families) =>
        new MarkdownReport()
            .Heading(1, "Spec families")
            .Paragraph(Generated)
            .Paragraph("One page per family of behaviour: its claims and the kernel source that decides each, its specs, the article's numbers, and a table linking every approved snapshot. " +
                       "What each family observes, with its counts: [the index of the specs](../specs.md). Across families and releases at a glance: [the behaviour matrix](../behaviour-matrix.md).")
            .Paragraph(string.Join('\n', families.Select(f => $"- [{f}]({FileName(f)})")))
            .ToString();

    public static string Render(string family, ApprovedSnapshots snapshots, IReadOnlyList<PublishedTable> published, ClaimEvidence evidence)
    {
        var report = new MarkdownReport()
            .Heading(1, family)
            .Paragraph(Generated + " [All families](README.md) · [behaviour matrix](../behaviour-matrix.md).");
        Run(report, family);
        ClaimsOf(report, family, evidence);
        SpecsOf(report, family);
        Article(report, family, published);
        Approved(report, family, snapshots);
        return report.ToString();
    }

    static void Run(MarkdownReport report, string family)
    {
        var observe = ObserveNames(family).ToList();
        report.Heading(2, "Run just this family")
            .Paragraph("```sh\n" +
                       $"dotnet test --filter FullyQualifiedName~OolSpecs.Specs.{family}\n" +
                       (observe.Count > 0 ? $"dotnet run --project Cli -- observe {string.Join(' ', observe)}\n" : "") +
                       "```");
    }

    static void ClaimsOf(MarkdownReport report, string family, ClaimEvidence evidence)
    {
        report.Heading(2, "Claims");
        var byKernel = Claims(family).GroupBy(c => c.Kernel).OrderBy(g => g.Key).ToList();
        if (byKernel.Count == 0)
        {
            report.Paragraph("This family declares no claim of its own: its specs assert what they check inline.");
            return;
        }

        report.Paragraph("Evidence: " + ClaimEvidence.Rule);

        foreach (var kernel in byKernel)
        {
            report.Heading(3, $"On {kernel.Key.Title()}")
                .Paragraph(evidence.Tally(family, kernel.Key) + ".")
                .Table(["claim", "evidence", "decided by", "read at"],
                    kernel.Select(c => (IReadOnlyList<string>)[c.Sentence, evidence.Of(family, c).Render(), c.Source.DecidedBy, c.Source.ReadAt]));
        }
    }

    static void SpecsOf(MarkdownReport report, string family)
    {
        report.Heading(2, "Specs");
        foreach (var type in SpecClasses(family))
        {
            report.Heading(3, type.Name);
            if (Summary(type) is { } summary)
            {
                report.Paragraph(summary);
            }

            report.Paragraph(string.Join('\n', SpecMethods(type).Select(m => "- " + Sentence(m.Name))));
        }
    }

    static void Article(MarkdownReport report, string family, IReadOnlyList<PublishedTable> published)
    {
        report.Heading(2, "The article's numbers");
        var tables = published.Where(t => t.Rows.Any(r => r.Key.Family == family)).ToList();
        if (tables.Count == 0)
        {
            report.Paragraph("The article published no numbers for this family.");
            return;
        }

        foreach (var table in tables)
        {
            report.Paragraph($"From [`docs/reference/{table.File}`](../reference/{table.File}): {table.Source}")
                .Table(["case", .. table.Columns], table.Rows.Where(r => r.Key.Family == family)
                    .Select(r => (IReadOnlyList<string>)[r.Key.Case, .. table.Columns.Select(c => r.Cells[c])]));
        }
    }

    static void Approved(MarkdownReport report, string family, ApprovedSnapshots snapshots)
    {
        report.Heading(2, "Approved snapshots");
        var approved = snapshots.Of(family).ToList();
        if (approved.Count == 0)
        {
            report.Paragraph("None yet on any platform. A first run on a new platform writes received files; approve them with " +
                             "`dotnet run --project Cli -- accept` (or `accept --from <artifact>` for a CI run), as the README says.");
            return;
        }

        report.Paragraph("A release holds only the cases that changed there; the others are as at the newest older release of the same os and arch. " +
                         "Each case links its approved file, the whole observation the specs compare; beside it, the key values the " +
                         "[behaviour matrix](../behaviour-matrix.md) compares across releases." +
                         (approved.Any(a => a.Platform.Os == "macos") ? "" : " XNU (macOS): none approved yet."));
        foreach (var release in approved.GroupBy(a => a.Platform))
        {
            var values = release.Select(s => (Snapshot: s, Values: KeyValues.Of(s.Text))).ToList();
            var columns = values.Select(v => string.Join(" / ", v.Values.Columns)).Distinct().ToList();
            var uniform = columns.Count == 1;
            report.Heading(3, release.Key.ToString())
                .Table(
                    ["case", uniform ? $"key values: {columns[0]}" : "key values", "approved file"],
                    values.Select(v => (IReadOnlyList<string>)
                    [
                        v.Snapshot.Key.Case,
                        KeyValuesCell(v.Values, uniform),
                        $"[{v.Snapshot.Key.Case}.approved.md](../../snapshots/{v.Snapshot.Path})",
                    ]));
        }
    }

    /// <summary>One table cell: a walk's steps one per line, or a case's facts; each with its column names when the table's column cannot name them.</summary>
    static string KeyValuesCell(KeyValues values, bool uniform)
    {
        var prefix = uniform ? "" : string.Join(" / ", values.Columns) + ": ";
        return values.IsFacts
            ? prefix + string.Join(" / ", values.Rows[0].Values)
            : prefix + string.Join("<br>", values.Rows.Select(r => $"{r.Label}: {string.Join(" / ", r.Values)}"));
    }
}

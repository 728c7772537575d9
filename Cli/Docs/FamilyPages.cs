using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.Support;
using static OolSpecs.Harness.Docs.SpecFamilies;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// docs/families/&lt;Family&gt;.md, one page per spec family, and docs/families/README.md, their
/// index: a link to the family's one file under Specs/; the family's claims (numbered) with the
/// kernel functions that decide each, where they were read and the specs that assert each; its
/// table of cases citing those numbers; its specs, the article's numbers, a link to each approved
/// snapshot per release, and how to run just that family. Families are found by reflection, so a new one gets its page without code.
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
            .Paragraph(Generated + " [All families](README.md) · [behaviour matrix](../behaviour-matrix.md).")
            .Paragraph($"The family's spec side is one file, which reads in this order: its claims, its table of cases, its specs: [`{SourceFile(family)}`](../../{SourceFile(family)}).");
        Run(report, family);
        var numbers = ClaimsOf(report, family, evidence);
        Cases(report, CaseTable.Of(family), numbers);
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

    /// <summary>The claims, numbered C1, C2… in page order, each with the specs that assert it; returns the numbers, which the cases cite.</summary>
    static IReadOnlyDictionary<Claim, string> ClaimsOf(MarkdownReport report, string family, ClaimEvidence evidence)
    {
        report.Heading(2, "Claims");
        var byKernel = Claims(family).GroupBy(c => c.Kernel).OrderBy(g => g.Key).ToList();
        var numbers = new Dictionary<Claim, string>();
        if (byKernel.Count == 0)
        {
            report.Paragraph("This family declares no claim of its own: its specs assert what they check inline.");
            return numbers;
        }

        report.Paragraph("Evidence: " + ClaimEvidence.Rule);

        foreach (var kernel in byKernel)
        {
            var specs = ClaimCatalogue.Watched(kernel.Key).ToDictionary(w => w.Sentence, w => w.Specs);
            foreach (var claim in kernel)
            {
                numbers.TryAdd(claim, $"C{numbers.Count + 1}");
            }

            report.Heading(3, $"On {kernel.Key.Title()}")
                .Paragraph(evidence.Tally(family, kernel.Key) + ".")
                .Table(["#", "claim", "asserted by", "evidence", "decided by", "read at"],
                    kernel.Select(c => (IReadOnlyList<string>)
                    [
                        numbers[c], c.Sentence, AssertedBy(specs.GetValueOrDefault(c.Sentence) ?? []),
                        evidence.Of(family, c).Render(), c.Source.DecidedBy, c.Source.ReadAt,
                    ]));
        }

        return numbers;
    }

    /// <summary>The specs that assert a claim ("Namespace.Class.Method"), each as its class and its name read as a sentence.</summary>
    static string AssertedBy(IReadOnlyList<string> specs) =>
        specs.Count == 0
            ? "no spec reads it directly"
            : string.Join("<br>", specs.Select(spec => spec.Split('.')).Select(parts => $"`{parts[^2]}`: {Sentence(parts[^1])}"));

    /// <summary>
    /// The family's one table of cases, row by row: what is sent or done, with which allocation and
    /// probe command, the claims it falls under (by their numbers above) and what breaks if the
    /// kernel gets it wrong.
    /// </summary>
    public static void Cases(MarkdownReport report, CaseTable? table, IReadOnlyDictionary<Claim, string> numbers)
    {
        report.Heading(2, "Cases");
        if (table is null)
        {
            report.Paragraph("This family has no table of cases yet (a public static readonly list of `ISpecCase` rows in its namespace); its specs name their cases themselves.");
            return;
        }

        report.Paragraph($"The family's one table of cases, `{table.Name}`: its specs are theories over these rows. Claims are numbered as in the table of claims above.")
            .Table(["case", "kernel", "allocation", "probe command", "claims", "security"],
                table.Rows.Select(row => (IReadOnlyList<string>)
                [
                    row.Description, row.Kernel.Title(), row.Allocation, $"`{row.ProbeCommand}`",
                    string.Join(", ", row.Claims.Select(c => numbers.GetValueOrDefault(c) ?? "a claim of another family").OrderBy(ClaimOrder)),
                    row.Security,
                ]));
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
                         "Each link is the whole observation the specs compare; the [behaviour matrix](../behaviour-matrix.md) sets their key values side by side." +
                         (approved.Any(a => a.Platform.Os == "macos") ? "" : " XNU (macOS): none approved yet."));
        report.Table(["release", "approved files"], approved.GroupBy(a => a.Platform).Select(release => (IReadOnlyList<string>)
        [
            release.Key.ToString(),
            string.Join(", ", release.Select(s => $"[{s.Key.Case}](../../snapshots/{s.Path})")),
        ]));
    }

    /// <summary>"C5" before "C12": a row's claims in the order of the table of claims.</summary>
    static int ClaimOrder(string number) =>
        number.StartsWith('C') && int.TryParse(number.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}

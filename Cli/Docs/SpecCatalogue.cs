using System.Globalization;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Docs.SpecFamilies;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// docs/specs.md, the index of the specs: per behaviour family one line of what it observes, its
/// counts and a link to its page, which is the one place its claims, spec summaries and specs are
/// listed; then the checks on the article's tables, which belong to no family page.
/// </summary>
public static class SpecCatalogue
{
    public static string Render(ClaimEvidence evidence)
    {
        var report = new MarkdownReport()
            .Heading(1, "The specs")
            .Paragraph(
                $"Generated from the spec classes (`{GeneratedDocs.Command}`); do not edit by hand. " +
                "A spec, on the kernel its claim is about, runs that kernel, asserts the claim, and most families then compare the whole observation with " +
                "`snapshots/<os>-<release>/<arch>/<family>/`; on another kernel it is skipped, naming the kernel it needs.")
            .Paragraph(
                "Each family's claims, with the kernel functions that decide each and what each rests on, its specs as sentences and its approved " +
                "snapshots are on the family's own page, the one place they are listed. Across releases: [the behaviour matrix](behaviour-matrix.md).")
            .Table(
                ["family", "what it observes", "specs", "claims and their evidence"],
                Behaviour.Select(f => (IReadOnlyList<string>)
                [
                    $"[{f}]({FamilyPages.Folder["docs/".Length..]}/{FamilyPages.FileName(f)})",
                    string.Join("; ", ScenarioCatalogue.All.Where(g => ObserveNames(f).Contains(g.Name)).Select(g => $"`observe {g.Name}`: {g.Summary}"))
                        is { Length: > 0 } observes ? observes : "-",
                    SpecCount(f),
                    ClaimTally(f, evidence),
                ]));
        foreach (var family in WithSpecs.Except(Behaviour))
        {
            report.Heading(2, family)
                .Paragraph("Checks on the article's published tables (`docs/reference/`), which run every XNU claim on numbers a Mac once measured; they belong to no family.");
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

        return report.ToString();
    }

    public static string SpecCount(string family) => SpecClasses(family).Sum(t => SpecMethods(t).Count()).ToString(CultureInfo.InvariantCulture);

    /// <summary>"XNU 11 claims: …; Linux 6 claims: …", or "none".</summary>
    public static string ClaimTally(string family, ClaimEvidence evidence) =>
        string.Join("; ", Claims(family).Select(c => c.Kernel).Distinct().Order().Select(k => $"{k.Title()} {evidence.Tally(family, k)}")) is { Length: > 0 } claims
            ? claims
            : "none";
}

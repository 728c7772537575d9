using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Docs.SpecFamilies;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// docs/specs.md, made from the spec classes themselves: per family the claims it asserts (each
/// sentence as its claim declares it), then each class's summary and each spec's name read as a
/// sentence, so the documentation cannot drift from what runs.
/// </summary>
public static class SpecCatalogue
{
    public static string Render(ClaimEvidence evidence)
    {
        var report = new MarkdownReport()
            .Heading(1, "The specs")
            .Paragraph(
                $"Generated from the spec classes (`{GeneratedDocs.Command}`); do not edit by hand. " +
                "Each line is one spec: on the kernel its claim is about, it runs that kernel, asserts the claim, and most families then compare the whole observation with " +
                "`snapshots/<os>-<release>/<arch>/<family>/`; on another kernel it is skipped, naming the kernel it needs.")
            .Paragraph("After each claim, what it rests on. " + ClaimEvidence.Rule);
        foreach (var family in WithSpecs)
        {
            report.Heading(2, family);
            foreach (var kernel in Claims(family).GroupBy(c => c.Kernel).OrderBy(g => g.Key))
            {
                report.Paragraph($"Claims on {kernel.Key.Title()} ({evidence.Tally(family, kernel.Key)}):\n" +
                                 string.Join('\n', kernel.Select(c => $"- {c.Sentence} ({c.Source}). *Evidence: {evidence.Of(family, c).Render()}.*")));
            }

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
}

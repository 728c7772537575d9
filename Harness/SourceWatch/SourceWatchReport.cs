using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.SourceWatch;

/// <summary>
/// A source watch as Markdown: a count, every deciding function once with what became of it, then
/// every claim with its functions and the specs to run on the new release.
/// </summary>
public static class SourceWatchReport
{
    // headingSuffix: set on a page of several watches, so that each one's headings are anchors of their own.
    public static MarkdownReport Append(MarkdownReport report, IReadOnlyList<ClaimWatch> watches, int headingLevel, string headingSuffix = "")
    {
        var functions = watches.SelectMany(w => w.Functions).Distinct().OrderBy(f => f.Change).ThenBy(f => f.Function.Name, StringComparer.Ordinal).ToList();
        var reread = watches.Where(w => w.ToReread).ToList();
        report.Paragraph(
            $"{reread.Count} of {watches.Count} claims have a deciding function that is not as it was; " +
            string.Join(", ", functions.GroupBy(f => f.Change).Select(g => $"{g.Count()} {Word(g.Key)}")) + $" of {functions.Count} functions.");
        report.Heading(headingLevel, "Deciding functions" + headingSuffix)
            .Table(["function", "from", "to", "what became of it"], functions.Select(f => (IReadOnlyList<string>)
            [
                $"`{f.Function.Name}`",
                $"{f.From} `{f.FromFile}`",
                f.ToFile is null ? f.To : $"{f.To} `{f.ToFile}`",
                Became(f),
            ]));
        report.Heading(headingLevel, "Claims" + headingSuffix)
            .Table(["claim", "compared from", "deciding functions", "specs to run"], watches.OrderByDescending(w => w.ToReread).Select(w => (IReadOnlyList<string>)
            [
                // Named, not quoted: a claim's sentence is written once, on its family's page.
                (w.ToReread ? "**re-read:** " : "") + $"`{w.Claim.Name}`",
                w.From,
                string.Join("; ", w.Functions.Select(f => f.Describe())),
                Specs(w.Claim.Specs),
            ]));
        var classes = reread.SelectMany(w => w.Claim.Specs).Select(ClassOf).Distinct().Order(StringComparer.Ordinal).ToList();
        report.Paragraph(classes.Count == 0
            ? "No spec needs running for this release: no deciding function changed."
            : "The spec classes of the claims to re-read, to run on that release:\n\n```sh\n" +
              $"dotnet test --filter \"{string.Join('|', classes.Select(c => "FullyQualifiedName~" + c))}\"\n```");
        return report;
    }

    static string Word(FunctionChange change) => change switch
    {
        FunctionChange.Unchanged => "unchanged",
        FunctionChange.Changed => "changed",
        FunctionChange.Moved => "moved",
        FunctionChange.Gone => "gone",
        FunctionChange.New => "new",
        _ => "not where cited",
    };

    static string Became(FunctionWatch f) => f.Change switch
    {
        FunctionChange.Unchanged => "unchanged",
        FunctionChange.Changed => $"changed: {Lines(f.Diff.Added)} added, {f.Diff.Removed} removed",
        FunctionChange.Moved => $"moved: {Lines(f.Diff.Added)} added, {f.Diff.Removed} removed",
        FunctionChange.Gone => "gone: no file defines it",
        FunctionChange.New => $"new: {Lines(f.Diff.Added)}",
        _ => "not defined in its cited file at the old tag",
    };

    static string Lines(int count) => count == 1 ? "1 line" : $"{count} lines";

    /// <summary>Each spec as "Class.Method"; a class with more than two of them as "Class (n specs)".</summary>
    static string Specs(IReadOnlyList<string> specs) =>
        specs.Count == 0
            ? "none"
            : string.Join("; ", specs.GroupBy(ClassOf).Select(c => c.Count() > 2
                ? $"{ShortClass(c.Key)} ({c.Count()} specs)"
                : string.Join("; ", c.Select(s => $"{ShortClass(c.Key)}.{s[(c.Key.Length + 1)..]}"))));

    static string ShortClass(string type) => type[(type.LastIndexOf('.') + 1)..];

    static string ClassOf(string spec) => spec[..spec.LastIndexOf('.')];
}

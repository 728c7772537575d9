using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.SourceWatch;

/// <summary>
/// A source watch as Markdown: a count, every deciding function once with what became of it, then
/// every claim with its functions and the specs to run on the new release.
/// </summary>
public static class SourceWatchReport
{
    public static MarkdownReport Append(MarkdownReport report, IReadOnlyList<ClaimWatch> watches, int headingLevel)
    {
        var functions = watches.SelectMany(w => w.Functions).Distinct().OrderBy(f => f.Change).ThenBy(f => f.Function.Name, StringComparer.Ordinal).ToList();
        var reread = watches.Where(w => w.ToReread).ToList();
        report.Paragraph(
            $"{reread.Count} of {watches.Count} claims have a deciding function that is not as it was; " +
            string.Join(", ", functions.GroupBy(f => f.Change).Select(g => $"{g.Count()} {Word(g.Key)}")) + $" of {functions.Count} functions.");
        report.Heading(headingLevel, "Deciding functions")
            .Table(["function", "from", "to", "what became of it"], functions.Select(f => (IReadOnlyList<string>)
            [
                $"`{f.Function.Name}`",
                $"{f.From} `{f.FromFile}`",
                f.ToFile is null ? f.To : $"{f.To} `{f.ToFile}`",
                Became(f),
            ]));
        report.Heading(headingLevel, "Claims")
            .Table(["claim", "compared from", "deciding functions", "specs to run"], watches.OrderByDescending(w => w.ToReread).Select(w => (IReadOnlyList<string>)
            [
                (w.ToReread ? "**re-read:** " : "") + w.Claim.Sentence,
                w.From,
                string.Join("; ", w.Functions.Select(f => f.Describe())),
                w.Claim.Specs.Count == 0 ? "none" : string.Join("; ", w.Claim.Specs.Select(Short)),
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
        FunctionChange.Changed => $"changed: {f.Diff.Added} lines added, {f.Diff.Removed} removed",
        FunctionChange.Moved => $"moved: {f.Diff.Added} lines added, {f.Diff.Removed} removed",
        FunctionChange.Gone => "gone: no file defines it",
        FunctionChange.New => $"new: {f.Diff.Added} lines",
        _ => "not defined in its cited file at the old tag",
    };

    /// <summary>"Class.Method" of a "Namespace.Class.Method".</summary>
    static string Short(string spec) => string.Join('.', spec.Split('.')[^2..]);

    static string ClassOf(string spec) => spec[..spec.LastIndexOf('.')];
}

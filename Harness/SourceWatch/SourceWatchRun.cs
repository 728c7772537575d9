using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.SourceWatch;

/// <summary>
/// `oolspecs source-watch --xnu &lt;git dir&gt; [--from &lt;tag&gt;] --to &lt;tag&gt;` without its command line: the
/// command passes the claims (the Specs assembly's ClaimCatalogue.Watched(Kernel.Xnu)) and prints
/// the page this returns. Everything is read before anything is returned, so bad input leaves no
/// half-written output.
/// </summary>
public static class SourceWatchRun
{
    /// <exception cref="SourceTreeException">
    /// <paramref name="xnu"/> is not a git clone, or a tag is not in it: bad input, exit 2.
    /// </exception>
    public static string Render(string xnu, string? from, string to, IReadOnlyList<WatchedClaim> claims)
    {
        var tree = GitSourceTree.Open(xnu, "--xnu");
        var watches = new SourceWatcher(tree).Watch(claims, to, from);
        var report = new MarkdownReport()
            .Heading(1, $"Source watch: {from ?? "the newest tag each claim was read at"} → {to}")
            .Paragraph($"`{xnu}`, {claims.Count} claims.");
        return SourceWatchReport.Append(report, watches, 2).ToString();
    }
}

using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.SourceWatch;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// docs/source-watch.md: the source watch run on the public XNU tags in turn, so a reader sees what
/// each release changed under the claims, and which specs a Mac should run first on it.
/// </summary>
public static class SourceWatchPage
{
    public const string File = "docs/source-watch.md";

    /// <summary>The setting that names the clone where no --xnu is given.</summary>
    public const string Variable = "OOLSPECS_XNU_SOURCE";

    /// <summary>The one docs command, given the clone.</summary>
    public const string Command = $"{GeneratedDocs.Command} --xnu <xnu clone>";

    /// <summary>Each step compares one tag with the next.</summary>
    static readonly (string From, string To)[] Steps = [(XnuTags.Xnu10002, XnuTags.Xnu11215), (XnuTags.Xnu11215, XnuTags.Xnu11417)];

    public static string Render(GitSourceTree tree)
    {
        var claims = ClaimCatalogue.Watched(Kernel.Xnu);
        var watcher = new SourceWatcher(tree);
        var report = new MarkdownReport()
            .Heading(1, "Source watch")
            .Paragraph(
                "For every XNU claim: did the bodies of the functions that decide it change from one public xnu tag to the next, " +
                "and which specs assert it. A changed function means the claim is to be read again at the new tag, and its specs run " +
                "on that release, before any Mac has said anything. Bodies are compared line by line, from the line that names the " +
                "function to its closing brace; a function no longer in its cited file is looked for in every file of the tag.")
            .Paragraph(
                $"Generated from a clone of apple-oss-distributions/xnu by `{Command}`; do not edit by hand. " +
                "The engine is `Harness/SourceWatch/` (`SourceWatcher`, given the claims of `ClaimCatalogue.Watched`); " +
                "Linux claims are not watched (no Linux clone is kept: they run for real instead).");
        foreach (var (from, to) in Steps)
        {
            report.Heading(2, $"{from} → {to}");
            SourceWatchReport.Append(report, watcher.Watch(claims, to, from), 3, $" ({from} → {to})");
        }

        return report.ToString();
    }
}

using System.CommandLine;
using OolSpecs.Harness.SourceWatch;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// `oolspecs source-watch --xnu &lt;git dir&gt; [--from &lt;tag&gt;] --to &lt;tag&gt;`: for every XNU claim,
/// whether the bodies of the functions that decide it changed between the tag it was read at
/// and a new one, and which specs to run on that release. This is how a reviewer knows what to
/// read again when Apple publishes a new xnu, before any Mac has run it.
/// </summary>
public static class SourceWatchCommand
{
    public static Command Build(CliSession session)
    {
        var xnu = new Option<string>("--xnu") { Description = "A clone of apple-oss-distributions/xnu (a git dir or a work tree).", Required = true };
        var from = new Option<string?>("--from") { Description = "The tag to compare from; by default the newest tag each claim was read at." };
        var to = new Option<string>("--to") { Description = "The tag to compare to (a new xnu release).", Required = true };
        var command = new Command("source-watch", "List, for every XNU claim, whether the functions that decide it changed between two xnu tags, and which specs assert it.")
        {
            xnu,
            from,
            to,
        };
        command.SetAction(parsed =>
        {
            // Everything is read before anything is printed: bad input leaves no half-written page.
            var page = SourceWatchRun.Render(parsed.GetValue(xnu)!, Blank(parsed.GetValue(from), "--from"), Blank(parsed.GetValue(to), "--to")!, ClaimCatalogue.Watched(Kernel.Xnu));
            session.Output.Write(page);
            return ExitCode.Done;
        });
        return command;
    }

    static string? Blank(string? tag, string option) =>
        tag is not null && string.IsNullOrWhiteSpace(tag)
            ? throw new UsageException($"{option} is blank: give an xnu tag, such as xnu-11417.121.6 (`git tag` in the clone lists them).")
            : tag;
}

using System.CommandLine;
using OolSpecs.Harness.Docs;
using OolSpecs.Harness.SourceWatch;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// `oolspecs docs [--check] [--xnu &lt;clone&gt;]`: rewrite the generated docs of the checkout (and
/// remove pages of families that are gone), or with --check only say which are stale and exit 1.
/// Given a clone of xnu (--xnu, else OOLSPECS_XNU_SOURCE) docs/source-watch.md is one of them: the
/// one command for every generated document.
/// </summary>
public static class DocsCommand
{
    public static Command Build(CliSession session)
    {
        var check = new Option<bool>("--check") { Description = "Write nothing: list the stale documents and exit 1 when there is one." };
        var xnu = new Option<string?>("--xnu")
        {
            Description = $"A clone of apple-oss-distributions/xnu (a git dir or work tree), to make {SourceWatchPage.File} too; by default {SourceWatchPage.Variable}. Without either that page is left as it is.",
        };
        var command = new Command(
            "docs",
            $"Rewrite the generated docs ({GeneratedDocs.SpecCatalogueDocument}, {BehaviourMatrix.Document}, {FamilyPages.Folder}/, and with an xnu clone {SourceWatchPage.File}) from the spec classes, the committed snapshots/ and docs/reference/.")
        {
            check,
            xnu,
        };
        command.SetAction(parsed =>
        {
            var docs = new GeneratedDocs(session.Checkout(), Clone(parsed.GetValue(xnu)));
            return parsed.GetValue(check) ? Check(session, docs) : Write(session, docs);
        });
        return command;
    }

    /// <summary>The clone --xnu names, else the setting's; a path that is no git clone is refused naming where it came from (exit 2).</summary>
    static GitSourceTree? Clone(string? option)
    {
        if (option is not null)
        {
            return string.IsNullOrWhiteSpace(option)
                ? throw new UsageException("docs: --xnu is blank: give the folder of a clone of apple-oss-distributions/xnu, or leave the option out.")
                : GitSourceTree.Open(option, "--xnu");
        }

        return Environment.GetEnvironmentVariable(SourceWatchPage.Variable) is { Length: > 0 } configured
            ? GitSourceTree.Open(configured, SourceWatchPage.Variable)
            : null;
    }

    static int Check(CliSession session, GeneratedDocs docs)
    {
        var stale = docs.Stale();
        if (stale.Count == 0)
        {
            session.Output.WriteLine("The generated docs are current.");
            return ExitCode.Done;
        }

        foreach (var path in stale)
        {
            session.Output.WriteLine($"stale {path}");
        }

        session.Output.WriteLine($"{stale.Count} generated document(s) differ from what the specs and snapshots make: run `{(stale.Contains(SourceWatchPage.File) ? SourceWatchPage.Command : GeneratedDocs.Command)}` and commit them.");
        return ExitCode.Failed;
    }

    static int Write(CliSession session, GeneratedDocs docs)
    {
        var changed = docs.Write();
        foreach (var path in changed)
        {
            session.Output.WriteLine($"rewrote {path}");
        }

        session.Output.WriteLine(changed.Count == 0 ? "The generated docs were current; nothing written." : $"{changed.Count} document(s) rewritten; commit them.");
        return ExitCode.Done;
    }
}

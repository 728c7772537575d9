using System.CommandLine;
using OolSpecs.Harness.Docs;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// `oolspecs docs [--check]`: rewrite the generated docs of the checkout (and remove pages of
/// families that are gone), or with --check only say which are stale and exit 1.
/// </summary>
public static class DocsCommand
{
    public static Command Build(CliSession session)
    {
        var check = new Option<bool>("--check") { Description = "Write nothing: list the stale documents and exit 1 when there is one." };
        var command = new Command(
            "docs",
            $"Rewrite the generated docs ({GeneratedDocs.SpecCatalogueDocument}, {BehaviourMatrix.Document}, {FamilyPages.Folder}/) from the spec classes, the committed snapshots/ and docs/reference/.")
        {
            check,
        };
        command.SetAction(parsed => parsed.GetValue(check) ? Check(session) : Write(session));
        return command;
    }

    static int Check(CliSession session)
    {
        var stale = new GeneratedDocs(session.Checkout()).Stale();
        if (stale.Count == 0)
        {
            session.Output.WriteLine("The generated docs are current.");
            return ExitCode.Done;
        }

        foreach (var path in stale)
        {
            session.Output.WriteLine($"stale {path}");
        }

        session.Output.WriteLine($"{stale.Count} generated document(s) differ from what the specs and snapshots make: run `{GeneratedDocs.Command}` and commit them.");
        return ExitCode.Failed;
    }

    static int Write(CliSession session)
    {
        var changed = new GeneratedDocs(session.Checkout()).Write();
        foreach (var path in changed)
        {
            session.Output.WriteLine($"rewrote {path}");
        }

        session.Output.WriteLine(changed.Count == 0 ? "The generated docs were current; nothing written." : $"{changed.Count} document(s) rewritten; commit them.");
        return ExitCode.Done;
    }
}

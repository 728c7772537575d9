using System.CommandLine;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// `oolspecs accept [family[/case]]`: approve the received snapshots of this release; with
/// `--from`, those of a CI artifact (a folder or .zip), each under the release and arch it was observed on.
/// </summary>
public static class AcceptCommand
{
    public static Command Build(CliSession session)
    {
        var filter = new Argument<string?>("family[/case]")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "Only this family (e.g. ForkCopyOnWrite), or one case of it (e.g. ForkCopyOnWrite/fork-cow).",
        };
        var from = new Option<string?>("--from")
        {
            Description = $"Approve a downloaded CI artifact instead: a folder or .zip holding {ArtifactLayout.Pattern}.",
            HelpName = "folder|zip",
        };
        var command = new Command("accept", "Approve received snapshots: each *.received.md of this release becomes its *.approved.md.") { filter, from };
        command.SetAction(parsed => parsed.GetValue(from) is { } source
            ? FromArtifact(session, parsed.GetValue(filter), source)
            : Run(session, parsed.GetValue(filter)));
        return command;
    }

    static int FromArtifact(CliSession session, string? filter, string source)
    {
        var (family, @case) = Filter.Parse(filter);
        var snapshots = ArtifactReader.Read(source);
        var approvals = new ArtifactApprover(new SnapshotTree(session.SnapshotRoot())).Approve(snapshots, family, @case);
        foreach (var approval in approvals)
        {
            session.Output.WriteLine(approval);
        }

        var written = approvals.Count(a => a.Written);
        session.Output.WriteLine(approvals.Count == 0
            ? $"Nothing to approve from {source}{(filter is null ? "" : $" matching {filter}")}: it holds no received snapshot."
            : $"From {source}: {written} approved, {approvals.Count - written} unchanged." + (written > 0 ? " Commit the new *.approved.md files." : ""));
        return ExitCode.Done;
    }

    static int Run(CliSession session, string? filter)
    {
        var (family, @case) = Filter.Parse(filter);
        var tree = new SnapshotTree(session.SnapshotRoot());
        var accepted = new SnapshotAcceptor(tree).Accept(session.Platform, family, @case);
        if (accepted.Count == 0)
        {
            session.Output.WriteLine($"Nothing to accept for {session.Platform}{(filter is null ? "" : $" matching {filter}")}: no received snapshot is pending.");
            return ExitCode.Done;
        }

        foreach (var snapshot in accepted)
        {
            session.Output.WriteLine($"approved {snapshot}");
        }

        return ExitCode.Done;
    }

    /// <summary>The family[/case] argument, checked as a path component before it touches the tree.</summary>
    internal static class Filter
    {
        public static (string? Family, string? Case) Parse(string? filter)
        {
            if (filter is null)
            {
                return (null, null);
            }

            var parts = filter.Split('/');
            if (parts.Length > 2 || parts.Any(p => !SnapshotKey.IsValidName(p)))
            {
                throw new UsageException(
                    $"accept: '{filter}' is not family or family/case: give a family folder such as ForkCopyOnWrite, or one case such as ForkCopyOnWrite/fork-cow " +
                    "(letters, digits, '-', '_' and '.'; not only dots).");
            }

            return (parts[0], parts.Length == 2 ? parts[1] : null);
        }
    }
}

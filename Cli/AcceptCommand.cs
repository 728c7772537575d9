using System.CommandLine;
using OolSpecs.Harness.Docs;
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
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new UsageException($"accept: --from '{source}' names no folder or file: give the folder or .zip of a downloaded artifact, e.g. --from received-macos-26.0-arm64.zip.");
        }

        var (family, @case) = Filter.Parse(filter);
        var contents = ArtifactReader.Read(source);
        foreach (var (entry, why) in contents.Skipped)
        {
            session.Output.WriteLine($"skipped {entry}: {why}");
        }

        var root = session.SnapshotRoot();
        var approvals = new ArtifactApprover(new SnapshotTree(root)).Approve(contents.Snapshots, family, @case);
        foreach (var approval in approvals)
        {
            session.Output.WriteLine(approval);
        }

        var written = approvals.Count(a => a.Written);
        var unchanged = approvals.Count(a => a.Outcome == ArtifactOutcome.Unchanged);
        var removed = approvals.Count(a => a.Outcome == ArtifactOutcome.Removed);
        session.Output.WriteLine(written + unchanged == 0
            ? $"Nothing to approve from {source}{(filter is null ? "" : $" matching {filter}")}: it holds no received snapshot."
            : $"From {source}: {written} approved, {unchanged} unchanged" + (removed > 0 ? $", {removed} newer approval(s) removed as equal to an older one." : "."));
        Conclude(session, root, approvals.Where(a => a.Outcome != ArtifactOutcome.Unchanged).Select(a => a.ApprovedPath));
        return ExitCode.Done;
    }

    static int Run(CliSession session, string? filter)
    {
        var (family, @case) = Filter.Parse(filter);
        var root = session.SnapshotRoot();
        var tree = new SnapshotTree(root);
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

        Conclude(session, root, accepted.Select(a => a.ApprovedPath));
        return ExitCode.Done;
    }

    /// <summary>
    /// Leaves the checkout consistent: the docs read its committed snapshots/, so when the
    /// approvals went there its docs are regenerated, and everything to commit is listed.
    /// Approvals into another tree (OOLSPECS_SNAPSHOTS) change no doc.
    /// </summary>
    static void Conclude(CliSession session, string snapshotRoot, IEnumerable<string> snapshotFiles)
    {
        var checkout = session.Checkout();
        if (!string.Equals(Path.GetFullPath(snapshotRoot).TrimEnd(Path.DirectorySeparatorChar), Path.Combine(checkout, "snapshots"), StringComparison.Ordinal))
        {
            session.Output.WriteLine(
                $"The approvals went to {snapshotRoot} ({SnapshotRoot.EnvironmentVariable}), not to the checkout's snapshots/: docs/, which reads the committed tree, is left as it is.");
            return;
        }

        var commit = snapshotFiles.Select(f => Path.GetRelativePath(checkout, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Concat(new GeneratedDocs(checkout).Write())
            .ToList();
        if (commit.Count > 0)
        {
            session.Output.WriteLine("To commit (approved or removed snapshots, and the docs regenerated from them):");
            foreach (var path in commit)
            {
                session.Output.WriteLine($"  {path}");
            }
        }
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

            // A misspelt family or case would match nothing and end as "nothing to approve", exit 0.
            if (!ArtifactLayout.KnowsFamily(parts[0]))
            {
                throw new UsageException(
                    $"accept: '{filter}': no scenario has the family '{parts[0]}'; the families are {string.Join(", ", ArtifactLayout.Families)}.");
            }

            if (parts.Length == 2 && !ArtifactLayout.Knows(new SnapshotKey(parts[0], parts[1])))
            {
                throw new UsageException(
                    $"accept: '{filter}': no scenario of {parts[0]} has the case '{parts[1]}'; docs/behaviour-matrix.md lists every family's cases.");
            }

            return (parts[0], parts.Length == 2 ? parts[1] : null);
        }
    }
}

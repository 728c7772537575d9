using System.Text;
using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>A failure of the snapshot layer that a user can act on (its message says how).</summary>
public class SnapshotException(string message) : Exception(message);

/// <summary>Something given to the snapshot layer (a filter, a folder or archive to approve) is wrong; the message names it and the fix.</summary>
public sealed class SnapshotInputException(string message) : SnapshotException(message);

/// <summary>
/// No release of the running os and arch has any approved snapshot: a first run on this
/// platform, whose received files are the baseline to review. Specs turn this into a skip. The
/// message is the same for every case of the platform (no path, no case), so a summary of skips
/// holds it once, with a count.
/// </summary>
public sealed class SnapshotBaselineMissingException(Platform running, string receivedPath)
    : SnapshotException(NothingApproved(running) +
        $" This run's observations are written as received files under `{running.ReleaseDirectory}/{running.Arch}/` " +
        $"of the snapshot tree: if they show what the kernel should do, run `{SnapshotMismatchException.AcceptCommand}` " +
        $"to make this run the baseline of {running.Os} {running.Arch}, and commit the approved files.")
{
    /// <summary>The received file written under the running release's directory.</summary>
    public string ReceivedPath { get; } = receivedPath;

    /// <summary>The skip reason for this run: on CI the received files are in the job's artifact, not in a checkout.</summary>
    public string Reason(bool onCi) => !onCi ? Message :
        $"{NothingApproved(running)} On CI this job uploads every received file as the artifact `{ContinuousIntegration.ReceivedArtifact(running)}`: " +
        $"download it and, in your checkout, run `{SnapshotMismatchException.AcceptCommand} --from {ContinuousIntegration.ReceivedArtifact(running)}.zip` " +
        "(or the folder `gh run download` made); if the approved files show what the kernel should do, commit them.";

    static string NothingApproved(Platform running) =>
        $"No snapshot is approved for {running.Os} {running.Arch} at any release yet, so there is nothing to compare with.";
}

/// <summary>
/// A spec's observation differs from its approved snapshot, or the case has none though its
/// platform has a baseline. The message names the case, where the expectation came from, the
/// received file, a line diff, and how to approve the new behaviour.
/// </summary>
public sealed class SnapshotMismatchException : SnapshotException
{
    public const string AcceptCommand = "dotnet run --project Cli -- accept";

    SnapshotMismatchException(string message, ApprovedLookup lookup, string receivedPath)
        : base(message) => (Lookup, ReceivedPath) = (lookup, receivedPath);

    /// <summary>Where the expectation came from (<see cref="ApprovedSource.None"/> when there is none).</summary>
    public ApprovedLookup Lookup { get; }

    /// <summary>The received file written under the running release's directory.</summary>
    public string ReceivedPath { get; }

    /// <summary>The approved file compared with, or null when none exists.</summary>
    public string? ApprovedPath => Lookup.Path;

    internal static SnapshotMismatchException Mismatch(SnapshotKey key, ApprovedLookup lookup, string receivedPath, string approvedText, string receivedText)
    {
        var running = lookup.Running;
        var message = $"Snapshot {key} on {running} does not match its approved file, {lookup.Describe()}.\n" +
            $"  approved: {lookup.Path}\n  received: {receivedPath}\n\n" +
            $"--- approved ({lookup.FromDirectory})\n+++ received ({running.ReleaseDirectory})\n" +
            SnapshotDiff.Render(approvedText, receivedText) +
            $"\nIf the kernel's behaviour really changed, run `{AcceptCommand}` to approve it for {running.ReleaseDirectory} ({running.Arch}).";
        return new SnapshotMismatchException(message, lookup, receivedPath);
    }

    internal static SnapshotMismatchException Missing(SnapshotKey key, ApprovedLookup lookup, string receivedPath, string receivedText)
    {
        var running = lookup.Running;
        var message = new StringBuilder()
            .Append($"Snapshot {key} on {running}: {lookup.Describe()}, though other cases of {running.Os} {running.Arch} are approved: ")
            .Append($"was its approval forgotten, or is the case new?\n  received: {receivedPath}\n\nObserved:\n");
        foreach (var line in SnapshotDiff.SplitLines(receivedText))
        {
            message.Append('+').Append(line).Append('\n');
        }

        message.Append($"\nIf this is the expected behaviour, run `{AcceptCommand}` to approve it for {running.ReleaseDirectory} ({running.Arch}).");
        return new SnapshotMismatchException(message.ToString(), lookup, receivedPath);
    }
}

using System.Text;
using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// A spec's observation differs from its approved snapshot, or the case has none though its platform has a baseline.
/// The message names the case, where the expectation came from, the received file, a line diff,
/// and how to approve the new behaviour.
/// </summary>
public sealed class SnapshotMismatchException : SnapshotException
{
    public const string AcceptCommand = "dotnet run --project Cli -- accept";

    private SnapshotMismatchException(
        string message, SnapshotKey key, ApprovedLookup lookup, string receivedPath, string? approvedPath)
        : base(message)
    {
        Key = key;
        Lookup = lookup;
        ReceivedPath = receivedPath;
        ApprovedPath = approvedPath;
    }

    public SnapshotKey Key { get; }

    /// <summary>Where the expectation came from (<see cref="ApprovedSource.None"/> when there is none).</summary>
    public ApprovedLookup Lookup { get; }

    public Platform Running => Lookup.Running;

    /// <summary>The received file written under the running release's directory.</summary>
    public string ReceivedPath { get; }

    /// <summary>The approved file compared with, or null when none exists.</summary>
    public string? ApprovedPath { get; }

    public bool ApprovedMissing => ApprovedPath is null;

    internal static SnapshotMismatchException Mismatch(
        SnapshotKey key, ApprovedLookup lookup, string approvedPath, string receivedPath, string approvedText, string receivedText)
    {
        var running = lookup.Running;
        var diff = SnapshotDiff.Compute(approvedText, receivedText);
        var message = new StringBuilder()
            .Append($"Snapshot {key} on {running} does not match its approved file, {lookup.Describe()}.\n")
            .Append($"  approved: {approvedPath}\n")
            .Append($"  received: {receivedPath}\n")
            .Append('\n')
            .Append($"--- approved ({lookup.FromDirectory})\n")
            .Append($"+++ received ({running.ReleaseDirectory})\n");
        if (SnapshotDiff.HasChanges(diff))
        {
            message.Append(SnapshotDiff.Render(diff));
        }
        else
        {
            message.Append("(no line differs: the files differ in encoding, a byte-order mark or the final newline)\n");
        }

        message
            .Append('\n')
            .Append($"If the kernel's behaviour really changed, run `{AcceptCommand}` to approve it for {running.ReleaseDirectory} ({running.Arch}).");
        return new SnapshotMismatchException(message.ToString(), key, lookup, receivedPath, approvedPath);
    }

    internal static SnapshotMismatchException Missing(SnapshotKey key, ApprovedLookup lookup, string receivedPath, string receivedText)
    {
        var running = lookup.Running;
        var message = new StringBuilder()
            .Append($"Snapshot {key} on {running}: {lookup.Describe()}, though other cases of {running.Os} {running.Arch} are approved: ")
            .Append("was its approval forgotten, or is the case new?\n")
            .Append($"  received: {receivedPath}\n")
            .Append('\n')
            .Append("Observed:\n");
        foreach (var line in SnapshotDiff.SplitLines(receivedText))
        {
            message.Append('+').Append(line).Append('\n');
        }

        message
            .Append('\n')
            .Append($"If this is the expected behaviour, run `{AcceptCommand}` to approve it for {running.ReleaseDirectory} ({running.Arch}).");
        return new SnapshotMismatchException(message.ToString(), key, lookup, receivedPath, approvedPath: null);
    }
}

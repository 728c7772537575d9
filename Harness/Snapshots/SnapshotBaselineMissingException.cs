using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// No release of the running os and arch has any approved snapshot: a first run on this
/// platform. Nothing can be compared yet, so the observation is written as a received file to
/// be reviewed and approved as the platform's baseline. Specs turn this into a skip, not a failure.
/// </summary>
public sealed class SnapshotBaselineMissingException(SnapshotKey key, Platform running, string receivedPath)
    : SnapshotException(
        $"No snapshot is approved for {running.Os} {running.Arch} at any release yet, so {key} has nothing to be compared with. " +
        $"This run's observation is written to {receivedPath}: if it is what the kernel should do, run " +
        $"`{SnapshotMismatchException.AcceptCommand}` to make this run the baseline of {running.Os} {running.Arch}, and commit the approved files.")
{
    public SnapshotKey Key { get; } = key;

    public Platform Running { get; } = running;

    /// <summary>The received file written under the running release's directory.</summary>
    public string ReceivedPath { get; } = receivedPath;
}

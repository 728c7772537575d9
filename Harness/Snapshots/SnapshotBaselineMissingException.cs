using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// No release of the running os and arch has any approved snapshot: a first run on this
/// platform. Nothing can be compared yet, so the observation is written as a received file to
/// be reviewed and approved as the platform's baseline. Specs turn this into a skip, not a failure.
/// The message is the same for every case of the platform (no path, no case), so a summary of
/// skips holds it once, with a count; <see cref="Key"/> and <see cref="ReceivedPath"/> say which.
/// </summary>
public sealed class SnapshotBaselineMissingException(SnapshotKey key, Platform running, string receivedPath)
    : SnapshotException(ReasonAtHome(running))
{
    public SnapshotKey Key { get; } = key;

    public Platform Running { get; } = running;

    /// <summary>The received file written under the running release's directory.</summary>
    public string ReceivedPath { get; } = receivedPath;

    /// <summary>The reason to give on CI, where the received files are in the job's artifact, not in a checkout.</summary>
    public string ReasonOnCi =>
        $"{NothingApproved(Running)} On CI this job uploads every received file as the artifact `{ContinuousIntegration.ReceivedArtifact(Running)}`: " +
        $"download it and, in your checkout, run `{SnapshotMismatchException.AcceptCommand} --from {ContinuousIntegration.ReceivedArtifact(Running)}.zip` " +
        "(or the folder `gh run download` made); if the approved files show what the kernel should do, commit them.";

    /// <summary>The skip reason for this run: <see cref="ReasonOnCi"/> on CI, else the message.</summary>
    public string Reason(bool onCi) => onCi ? ReasonOnCi : Message;

    static string ReasonAtHome(Platform running) =>
        $"{NothingApproved(running)} This run's observations are written as received files under `{running.ReleaseDirectory}/{running.Arch}/` " +
        $"of the snapshot tree: if they show what the kernel should do, run `{SnapshotMismatchException.AcceptCommand}` " +
        $"to make this run the baseline of {running.Os} {running.Arch}, and commit the approved files.";

    static string NothingApproved(Platform running)
    {
        ArgumentNullException.ThrowIfNull(running);
        return $"No snapshot is approved for {running.Os} {running.Arch} at any release yet, so there is nothing to compare with.";
    }
}

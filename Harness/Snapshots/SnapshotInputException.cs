namespace OolSpecs.Harness.Snapshots;

/// <summary>Something given to the snapshot layer (a filter, a folder or archive to approve) is wrong; the message names it and the fix.</summary>
public sealed class SnapshotInputException(string message) : SnapshotException(message);

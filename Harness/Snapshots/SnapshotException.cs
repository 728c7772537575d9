namespace OolSpecs.Harness.Snapshots;

/// <summary>A failure of the snapshot layer that a user can act on (its message says how).</summary>
public class SnapshotException : Exception
{
    public SnapshotException(string message)
        : base(message)
    {
    }

    public SnapshotException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

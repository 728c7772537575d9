using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>One received snapshot brought home from another machine: where it was observed, which case, its text, and the entry it was read from.</summary>
public sealed record ArtifactSnapshot(Platform Platform, SnapshotKey Key, string Text, string Entry)
{
    /// <summary>Its place in the tree, e.g. "macos-15.5/arm64/ForkCopyOnWrite/fork-cow".</summary>
    public string Name => $"{Platform.ReleaseDirectory}/{Platform.Arch}/{Key}";

    public override string ToString() => Name;
}

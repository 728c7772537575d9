using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>One received file turned into the running release's approved file.</summary>
/// <param name="Key">The case accepted.</param>
/// <param name="ReceivedPath">The received file it came from (gone now).</param>
/// <param name="ApprovedPath">The approved file it became.</param>
/// <param name="Replaced">True when the running release already had an approved file for the case.</param>
public sealed record AcceptedSnapshot(SnapshotKey Key, string ReceivedPath, string ApprovedPath, bool Replaced)
{
    public override string ToString() =>
        $"{Key} -> {ApprovedPath}{(Replaced ? " (replaces the previous approval of this release)" : "")}";
}

/// <summary>
/// Approves what the last failing runs observed: every <c>*.received.md</c> under the running
/// release and arch (optionally of one family, or one case; the command line checks the names)
/// is renamed over the <c>*.approved.md</c> next to it, in path order.
/// </summary>
public sealed class SnapshotAcceptor(SnapshotTree tree)
{
    public IReadOnlyList<AcceptedSnapshot> Accept(Platform running, string? family = null, string? @case = null)
    {
        var release = tree.ReleaseDirectoryFor(running);
        var received =
            from path in (Directory.Exists(release) ? Directory.EnumerateFiles(release, "*" + SnapshotTree.ReceivedSuffix, SearchOption.AllDirectories) : [])
                .Order(StringComparer.Ordinal)
            let name = Path.GetFileName(path)[..^SnapshotTree.ReceivedSuffix.Length]
            let folder = Path.GetRelativePath(release, Path.GetDirectoryName(path)!)
            where SnapshotKey.IsValidName(folder) && SnapshotKey.IsValidName(name)
                  && (family ?? folder) == folder && (@case ?? name) == name
            select new SnapshotKey(folder, name);
        return [.. received.ToList().Select(key =>
        {
            var approved = tree.ApprovedPathFor(running, key);
            var replaced = File.Exists(approved);
            File.Move(tree.ReceivedPath(running, key), approved, overwrite: true);
            return new AcceptedSnapshot(key, tree.ReceivedPath(running, key), approved, replaced);
        })];
    }
}

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
/// release and arch becomes the <c>*.approved.md</c> next to it.
/// </summary>
public sealed class SnapshotAcceptor
{
    public SnapshotAcceptor(SnapshotTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        Tree = tree;
    }

    public SnapshotTree Tree { get; }

    /// <summary>The received files waiting under the running release and arch, sorted by path.</summary>
    public IReadOnlyList<string> Pending(Platform running) =>
        Received(running, family: null, @case: null).Select(r => r.Path).ToList();

    /// <summary>
    /// Renames each pending received file (optionally only of one family, or one case) over its
    /// approved file. Returns what was accepted; empty when nothing was pending.
    /// </summary>
    public IReadOnlyList<AcceptedSnapshot> Accept(Platform running, string? family = null, string? @case = null)
    {
        if (family is not null && !SnapshotKey.IsValidName(family))
        {
            throw new SnapshotException($"'{family}' cannot be a snapshot family name: use letters, digits, '-', '_' and '.' only.");
        }

        if (@case is not null && !SnapshotKey.IsValidName(@case))
        {
            throw new SnapshotException($"'{@case}' cannot be a snapshot case name: use letters, digits, '-', '_' and '.' only.");
        }

        var accepted = new List<AcceptedSnapshot>();
        foreach (var (key, receivedPath) in Received(running, family, @case))
        {
            var approvedPath = Tree.ApprovedPathFor(running, key);
            var replaced = File.Exists(approvedPath);
            File.Move(receivedPath, approvedPath, overwrite: true);
            accepted.Add(new AcceptedSnapshot(key, receivedPath, approvedPath, replaced));
        }

        return accepted;
    }

    private IEnumerable<(SnapshotKey Key, string Path)> Received(Platform running, string? family, string? @case)
    {
        var releaseDirectory = Tree.ReleaseDirectoryFor(running);
        if (!Directory.Exists(releaseDirectory))
        {
            return [];
        }

        var found = new List<(SnapshotKey, string)>();
        foreach (var familyDirectory in Directory.EnumerateDirectories(releaseDirectory))
        {
            var familyName = Path.GetFileName(familyDirectory);
            if (!SnapshotKey.IsValidName(familyName)
                || (family is not null && !string.Equals(familyName, family, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(familyDirectory, "*" + SnapshotTree.ReceivedSuffix))
            {
                var fileName = Path.GetFileName(file);
                if (!fileName.EndsWith(SnapshotTree.ReceivedSuffix, StringComparison.Ordinal))
                {
                    continue;
                }

                var caseName = fileName[..^SnapshotTree.ReceivedSuffix.Length];
                if (!SnapshotKey.IsValidName(caseName)
                    || (@case is not null && !string.Equals(caseName, @case, StringComparison.Ordinal)))
                {
                    continue;
                }

                found.Add((new SnapshotKey(familyName, caseName), file));
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return found;
    }
}

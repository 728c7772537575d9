using System.Text;
using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>What accepting an artifact did to one approved file.</summary>
public enum ArtifactOutcome
{
    /// <summary>The received snapshot was written as the approved file of its release.</summary>
    Approved,

    /// <summary>The received snapshot equals what applies at its release already: nothing written.</summary>
    Unchanged,

    /// <summary>An approved file of a newer release was deleted: it equals what an older release now approves.</summary>
    Removed,
}

/// <summary>What became of one snapshot brought home, or of an approved file it made redundant.</summary>
/// <param name="Name">The place in the tree, e.g. "macos-26.0/arm64/ForkCopyOnWrite/fork-cow".</param>
/// <param name="ApprovedPath">The approved file (written, matched or removed).</param>
/// <param name="Outcome">Written, left, or removed.</param>
/// <param name="EqualTo">The release directory whose approval it equals, when unchanged or removed.</param>
/// <param name="Replaced">True when an approved file of that very release was overwritten.</param>
public sealed record ArtifactApproval(string Name, string ApprovedPath, ArtifactOutcome Outcome, string? EqualTo, bool Replaced)
{
    public bool Written => Outcome == ArtifactOutcome.Approved;

    public override string ToString() => Outcome switch
    {
        ArtifactOutcome.Approved => $"approved {Name} -> {ApprovedPath}{(Replaced ? " (replaces the previous approval of this release)" : "")}",
        ArtifactOutcome.Unchanged => $"unchanged {Name}: equals what {EqualTo} approved, so it is not approved again",
        _ => $"removed {ApprovedPath}: it equals what {EqualTo} now approves, so a release keeps only its changes",
    };
}

/// <summary>
/// Approves snapshots observed elsewhere (a CI artifact) into the tree, each under the release
/// and arch it was observed on. A release directory holds only what changed there: per os, arch
/// and case, an approval equal to the one of the release before it is not kept, neither one
/// brought now (not written) nor one already in the tree (removed), so accepting releases in
/// any order gives the same tree. All files are written to temporary names first and renamed
/// into place only when every one was written; on an error the temporary files and any folders
/// made for them are removed.
/// </summary>
public sealed class ArtifactApprover(SnapshotTree tree)
{
    /// <summary>The longest path macOS takes (PATH_MAX, 1024 bytes with its terminator); Linux takes more.</summary>
    public const int MaxPathBytes = 1023;

    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public SnapshotTree Tree { get; } = tree ?? throw new ArgumentNullException(nameof(tree));

    /// <summary>Approves <paramref name="snapshots"/> (optionally only one family, or one case).</summary>
    public IReadOnlyList<ArtifactApproval> Approve(IReadOnlyList<ArtifactSnapshot> snapshots, string? family = null, string? @case = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var series = snapshots
            .Where(s => (family is null || s.Key.Family == family) && (@case is null || s.Key.Case == @case))
            .GroupBy(s => (s.Platform.Os, s.Platform.Arch, s.Key))
            .OrderBy(g => g.Key.Os, StringComparer.Ordinal).ThenBy(g => g.Key.Arch, StringComparer.Ordinal).ThenBy(g => g.Key.Key.ToString(), StringComparer.Ordinal);

        var results = new List<ArtifactApproval>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in series)
        {
            var brought = group.ToDictionary(s => s.Platform.Release);
            foreach (var snapshot in brought.Values)
            {
                texts[InsideTree(Tree.ApprovedPathFor(snapshot.Platform, snapshot.Key), snapshot)] = snapshot.Text;
            }

            results.AddRange(Settle(group.Key.Os, group.Key.Arch, group.Key.Key, brought));
        }

        Write(results.Where(r => r.Written).Select(r => (r.ApprovedPath, texts[r.ApprovedPath])).ToList(), results.Where(r => r.Outcome == ArtifactOutcome.Removed).Select(r => r.ApprovedPath).ToList());
        return results;
    }

    /// <summary>One case of one os and arch: the releases the tree approves and those brought now, oldest first, each kept only if it differs from the one before.</summary>
    IEnumerable<ArtifactApproval> Settle(string os, string arch, SnapshotKey key, IReadOnlyDictionary<ReleaseVersion, ArtifactSnapshot> brought)
    {
        var inTree = ApprovedReleases(os, arch, key);
        string? keptText = null;
        string? keptRelease = null;
        foreach (var release in inTree.Keys.Union(brought.Keys).Order())
        {
            var platform = new Platform(os, release, arch);
            var path = Path.GetFullPath(Tree.ApprovedPathFor(platform, key));
            var name = $"{platform.ReleaseDirectory}/{arch}/{key}";
            var now = brought.GetValueOrDefault(release);
            var approved = inTree.GetValueOrDefault(release);
            var text = now?.Text ?? approved!;
            if (text == keptText)
            {
                if (now is not null)
                {
                    yield return new ArtifactApproval(name, path, ArtifactOutcome.Unchanged, keptRelease, Replaced: false);
                }

                if (approved is not null)
                {
                    yield return new ArtifactApproval(name, path, ArtifactOutcome.Removed, keptRelease, Replaced: false);
                }

                continue;
            }

            if (now is not null)
            {
                yield return approved == now.Text
                    ? new ArtifactApproval(name, path, ArtifactOutcome.Unchanged, platform.ReleaseDirectory, Replaced: false)
                    : new ArtifactApproval(name, path, ArtifactOutcome.Approved, null, Replaced: approved is not null);
            }

            (keptText, keptRelease) = (text, platform.ReleaseDirectory);
        }
    }

    /// <summary>Every release of the os whose folder approves the case for the arch, with its text.</summary>
    Dictionary<ReleaseVersion, string> ApprovedReleases(string os, string arch, SnapshotKey key)
    {
        var found = new Dictionary<ReleaseVersion, string>();
        if (!Directory.Exists(Tree.Root))
        {
            return found;
        }

        foreach (var folder in Directory.EnumerateDirectories(Tree.Root))
        {
            if (Platform.TryParseReleaseDirectory(Path.GetFileName(folder), out var folderOs, out var release) && folderOs == os)
            {
                var path = Tree.ApprovedPathFor(new Platform(os, release, arch), key);
                if (File.Exists(path))
                {
                    found[release] = Normalised(File.ReadAllText(path, Encoding.UTF8));
                }
            }
        }

        return found;
    }

    void Write(IReadOnlyList<(string Path, string Text)> approvals, IReadOnlyList<string> removals)
    {
        var temporary = new List<(string Temp, string Final)>();
        var created = new List<string>();
        try
        {
            foreach (var (path, text) in approvals)
            {
                var directory = Path.GetDirectoryName(path)!;
                created.AddRange(MissingDirectories(directory));
                Directory.CreateDirectory(directory);

                // A short name: the approved file's own name may already be as long as a name can be.
                var temp = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
                temporary.Add((temp, path));
                File.WriteAllText(temp, text, Utf8NoBom);
            }

            // Each rename is atomic: an approved file is either the old one or the new one, never half of either.
            foreach (var (temp, final) in temporary)
            {
                File.Move(temp, final, overwrite: true);
            }
        }
        catch
        {
            foreach (var (temp, _) in temporary)
            {
                File.Delete(temp);
            }

            RemoveEmpty(created.AsEnumerable().Reverse());
            throw;
        }

        foreach (var path in removals)
        {
            File.Delete(path);
            RemoveEmpty(Ancestors(Path.GetDirectoryName(path)!));
        }
    }

    /// <summary>The folders from <paramref name="directory"/> up to (not including) the tree's root, innermost first.</summary>
    IEnumerable<string> Ancestors(string directory)
    {
        for (var current = directory; current.Length > Tree.Root.Length; current = Path.GetDirectoryName(current)!)
        {
            yield return current;
        }
    }

    static void RemoveEmpty(IEnumerable<string> directories)
    {
        foreach (var directory in directories)
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }

    /// <summary>The folders on the way to <paramref name="directory"/> that do not exist yet, outermost first.</summary>
    IEnumerable<string> MissingDirectories(string directory)
    {
        var missing = new List<string>();
        for (var current = directory; current.Length > Tree.Root.Length && !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Insert(0, current);
        }

        return missing;
    }

    /// <summary>The layout check already keeps every entry inside and each name short; this says so again, for the whole path, where it is made.</summary>
    string InsideTree(string path, ArtifactSnapshot snapshot)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(Tree.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw ArtifactLayout.Refused(snapshot.Entry, Tree.Root, "it would land outside the snapshot tree");
        }

        return Encoding.UTF8.GetByteCount(full) <= MaxPathBytes
            ? full
            : throw ArtifactLayout.Refused(snapshot.Entry, Tree.Root, $"its approved file's path would be {Encoding.UTF8.GetByteCount(full)} bytes, longer than the {MaxPathBytes} macOS takes; use a checkout in a shorter path");
    }

    static string Normalised(string text) => SnapshotVerifier.Normalise(text.TrimStart('\uFEFF'));
}

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
/// <param name="Text">The text written, when approved.</param>
public sealed record ArtifactApproval(string Name, string ApprovedPath, ArtifactOutcome Outcome, string? EqualTo, bool Replaced, string? Text = null)
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

    public SnapshotTree Tree { get; } = tree ?? throw new ArgumentNullException(nameof(tree));

    /// <summary>Approves <paramref name="snapshots"/> (optionally only one family, or one case).</summary>
    public IReadOnlyList<ArtifactApproval> Approve(IReadOnlyList<ArtifactSnapshot> snapshots, string? family = null, string? @case = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var results = snapshots
            .Where(s => (family is null || s.Key.Family == family) && (@case is null || s.Key.Case == @case))
            .GroupBy(s => (s.Platform.Os, s.Platform.Arch, Key: s.Key.ToString()))
            .OrderBy(g => g.Key.Os, StringComparer.Ordinal).ThenBy(g => g.Key.Arch, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .SelectMany(g => Settle(g.First().Platform, g.First().Key, g.ToDictionary(s => s.Platform.Release)))
            .ToList();
        Write(results);
        return results;
    }

    /// <summary>One case of one os and arch: the releases the tree approves and those brought now, oldest first, each kept only if it differs from the one before.</summary>
    List<ArtifactApproval> Settle(Platform any, SnapshotKey key, Dictionary<ReleaseVersion, ArtifactSnapshot> brought)
    {
        var results = new List<ArtifactApproval>();
        var inTree = Tree.Releases(any.Os)
            .Select(release => (release, Path: Tree.ApprovedPathFor(any with { Release = release }, key)))
            .Where(found => File.Exists(found.Path))
            .ToDictionary(found => found.release, found => SnapshotVerifier.Normalise(File.ReadAllText(found.Path, Encoding.UTF8)));
        (string Text, string Release)? kept = null;
        foreach (var release in inTree.Keys.Union(brought.Keys).Order())
        {
            var platform = any with { Release = release };
            var path = InsideTree(platform, key, brought.GetValueOrDefault(release));
            var name = $"{platform.ReleaseDirectory}/{platform.Arch}/{key}";
            var now = brought.GetValueOrDefault(release)?.Text;
            var approved = inTree.GetValueOrDefault(release);
            if ((now ?? approved) == kept?.Text)
            {
                if (now is not null)
                {
                    results.Add(new ArtifactApproval(name, path, ArtifactOutcome.Unchanged, kept?.Release, Replaced: false));
                }

                if (approved is not null)
                {
                    results.Add(new ArtifactApproval(name, path, ArtifactOutcome.Removed, kept?.Release, Replaced: false));
                }

                continue;
            }

            if (now is not null)
            {
                results.Add(approved == now
                    ? new ArtifactApproval(name, path, ArtifactOutcome.Unchanged, platform.ReleaseDirectory, Replaced: false)
                    : new ArtifactApproval(name, path, ArtifactOutcome.Approved, null, Replaced: approved is not null, now));
            }

            kept = ((now ?? approved)!, platform.ReleaseDirectory);
        }

        return results;
    }

    void Write(IReadOnlyList<ArtifactApproval> results)
    {
        var temporary = new List<(string Temp, string Final)>();
        var created = new List<string>();
        try
        {
            foreach (var approval in results.Where(r => r.Written))
            {
                var directory = Path.GetDirectoryName(approval.ApprovedPath)!;
                for (var missing = directory; missing.Length > Tree.Root.Length && !Directory.Exists(missing); missing = Path.GetDirectoryName(missing)!)
                {
                    created.Add(missing);
                }

                Directory.CreateDirectory(directory);

                // A short name: the approved file's own name may already be as long as a name can be.
                var temp = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
                temporary.Add((temp, approval.ApprovedPath));
                File.WriteAllText(temp, approval.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            // Each rename is atomic: an approved file is either the old one or the new one, never half of either.
            foreach (var (temp, final) in temporary)
            {
                File.Move(temp, final, overwrite: true);
            }
        }
        catch
        {
            temporary.ForEach(t => File.Delete(t.Temp));
            RemoveEmpty(created);
            throw;
        }

        foreach (var removed in results.Where(r => r.Outcome == ArtifactOutcome.Removed))
        {
            File.Delete(removed.ApprovedPath);
            var ancestors = new List<string>();
            for (var folder = Path.GetDirectoryName(removed.ApprovedPath)!; folder.Length > Tree.Root.Length; folder = Path.GetDirectoryName(folder)!)
            {
                ancestors.Add(folder);
            }

            RemoveEmpty(ancestors);
        }
    }

    /// <summary>Deletes those of <paramref name="folders"/> that are empty, innermost (longest) first.</summary>
    static void RemoveEmpty(IEnumerable<string> folders)
    {
        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
    }

    /// <summary>The layout check already keeps every entry inside and each name short; this says so again, for the whole path, where it is made.</summary>
    string InsideTree(Platform platform, SnapshotKey key, ArtifactSnapshot? brought)
    {
        var full = Path.GetFullPath(Tree.ApprovedPathFor(platform, key));
        var why = !full.StartsWith(Tree.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "it would land outside the snapshot tree"
            : Encoding.UTF8.GetByteCount(full) > MaxPathBytes && brought is not null
                ? $"its approved file's path would be {Encoding.UTF8.GetByteCount(full)} bytes, longer than the {MaxPathBytes} macOS takes; use a checkout in a shorter path"
            : null;
        return why is null ? full : throw ArtifactLayout.Refused(brought?.Entry ?? full, Tree.Root, why);
    }
}

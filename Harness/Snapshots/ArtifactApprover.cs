using System.Text;
using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>What became of one snapshot brought home.</summary>
/// <param name="Snapshot">The received snapshot.</param>
/// <param name="ApprovedPath">Its approved file (written, or the one it matched).</param>
/// <param name="UnchangedSince">The release directory whose approval it equals, when nothing was written.</param>
/// <param name="Replaced">True when an approved file of that very release was overwritten.</param>
public sealed record ArtifactApproval(ArtifactSnapshot Snapshot, string ApprovedPath, string? UnchangedSince, bool Replaced)
{
    public bool Written => UnchangedSince is null;

    public override string ToString() => Written
        ? $"approved {Snapshot} -> {ApprovedPath}{(Replaced ? " (replaces the previous approval of this release)" : "")}"
        : $"unchanged {Snapshot}: equals what {UnchangedSince} approved, so it is not approved again";
}

/// <summary>
/// Approves snapshots observed elsewhere (a CI artifact) into the tree, each under the release
/// and arch it was observed on. A snapshot equal to what an older release of its platform
/// already approved is left out, so a release directory keeps holding only what changed there.
/// All files are written to temporary names first and renamed into place only when every one
/// was written; on an error the temporary files and any folders made for them are removed.
/// </summary>
public sealed class ArtifactApprover(SnapshotTree tree)
{
    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public SnapshotTree Tree { get; } = tree ?? throw new ArgumentNullException(nameof(tree));

    /// <summary>Approves <paramref name="snapshots"/> (optionally only one family, or one case), oldest release first.</summary>
    public IReadOnlyList<ArtifactApproval> Approve(IReadOnlyList<ArtifactSnapshot> snapshots, string? family = null, string? @case = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var chosen = snapshots
            .Where(s => (family is null || s.Key.Family == family) && (@case is null || s.Key.Case == @case))
            .OrderBy(s => s.Platform.Os, StringComparer.Ordinal).ThenBy(s => s.Platform.Arch, StringComparer.Ordinal)
            .ThenBy(s => s.Platform.Release).ThenBy(s => s.Key.ToString(), StringComparer.Ordinal)
            .ToList();

        var staged = new Dictionary<(string Os, string Arch, SnapshotKey Key), SortedList<ReleaseVersion, string>>();
        var results = new List<ArtifactApproval>();
        foreach (var snapshot in chosen)
        {
            var path = InsideTree(Tree.ApprovedPathFor(snapshot.Platform, snapshot.Key), snapshot);
            var (since, text) = Approved(snapshot, staged);
            if (text == snapshot.Text)
            {
                results.Add(new ArtifactApproval(snapshot, path, since, Replaced: false));
                continue;
            }

            var series = (snapshot.Platform.Os, snapshot.Platform.Arch, snapshot.Key);
            if (!staged.TryGetValue(series, out var releases))
            {
                staged[series] = releases = [];
            }

            releases[snapshot.Platform.Release] = snapshot.Text;
            results.Add(new ArtifactApproval(snapshot, path, null, Replaced: File.Exists(path)));
        }

        Write(results.Where(r => r.Written).ToList());
        return results;
    }

    /// <summary>What the platform's newest release not newer than the snapshot's approves, counting what this call approves before it.</summary>
    (string? Since, string? Text) Approved(ArtifactSnapshot snapshot, Dictionary<(string, string, SnapshotKey), SortedList<ReleaseVersion, string>> staged)
    {
        var platform = snapshot.Platform;
        var lookup = Tree.Locate(platform, snapshot.Key);
        var (release, text) = lookup.Source is ApprovedSource.SameRelease or ApprovedSource.OlderRelease
            ? (lookup.From, Normalised(File.ReadAllText(lookup.Path!, Encoding.UTF8)))
            : ((ReleaseVersion?)null, (string?)null);
        if (staged.TryGetValue((platform.Os, platform.Arch, snapshot.Key), out var releases))
        {
            foreach (var (stagedRelease, stagedText) in releases)
            {
                if (stagedRelease <= platform.Release && (release is null || stagedRelease >= release.Value))
                {
                    (release, text) = (stagedRelease, stagedText);
                }
            }
        }

        return (release is { } r ? $"{platform.Os}-{r}" : null, text);
    }

    void Write(IReadOnlyList<ArtifactApproval> approvals)
    {
        var temporary = new List<(string Temp, string Final)>();
        var created = new List<string>();
        try
        {
            foreach (var approval in approvals)
            {
                var directory = Path.GetDirectoryName(approval.ApprovedPath)!;
                created.AddRange(MissingDirectories(directory));
                Directory.CreateDirectory(directory);
                var temp = Path.Combine(directory, $".{Path.GetFileName(approval.ApprovedPath)}.{Guid.NewGuid():N}.tmp");
                temporary.Add((temp, approval.ApprovedPath));
                File.WriteAllText(temp, approval.Snapshot.Text, Utf8NoBom);
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

            foreach (var directory in created.AsEnumerable().Reverse())
            {
                if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }

            throw;
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

    /// <summary>The layout check already keeps every entry inside; this says so again where the path is made.</summary>
    string InsideTree(string path, ArtifactSnapshot snapshot)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(Tree.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw ArtifactLayout.Refused(snapshot.Entry, Tree.Root, "it would land outside the snapshot tree");
    }

    static string Normalised(string text) => SnapshotVerifier.Normalise(text.TrimStart('\uFEFF'));
}

using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Docs;

/// <summary>One approved snapshot in the tree: where it was observed, which case, its text, and its path relative to the tree's root.</summary>
public sealed record ApprovedSnapshot(Platform Platform, SnapshotKey Key, string Text, string Path);

/// <summary>
/// Every approved snapshot of a tree, as the generated docs read it: the committed tree of the
/// checkout (never OOLSPECS_SNAPSHOTS, which a test run may point at an empty folder).
/// </summary>
public sealed class ApprovedSnapshots
{
    ApprovedSnapshots(IReadOnlyList<ApprovedSnapshot> all) => All = all;

    public IReadOnlyList<ApprovedSnapshot> All { get; }

    /// <summary>
    /// Reads release/arch/family/case.approved.md. Snapshot specs of another release may make
    /// and remove their folders meanwhile, so a folder that vanishes is skipped, not an error.
    /// </summary>
    public static ApprovedSnapshots Read(string root)
    {
        var found = new List<ApprovedSnapshot>();
        foreach (var release in Folders(root))
        {
            if (!Platform.TryParseReleaseDirectory(System.IO.Path.GetFileName(release), out var os, out var version))
            {
                continue;
            }

            foreach (var arch in Folders(release))
            {
                foreach (var family in Folders(arch))
                {
                    foreach (var file in Files(family))
                    {
                        var name = System.IO.Path.GetFileName(file);
                        var @case = name[..^SnapshotTree.ApprovedSuffix.Length];
                        if (!SnapshotKey.IsValidName(@case) || !SnapshotKey.IsValidName(System.IO.Path.GetFileName(family)))
                        {
                            continue;
                        }

                        var platform = new Platform(os, version, System.IO.Path.GetFileName(arch));
                        var key = new SnapshotKey(System.IO.Path.GetFileName(family), @case);
                        found.Add(new ApprovedSnapshot(platform, key, SnapshotVerifier.Normalise(File.ReadAllText(file)),
                            $"{platform.ReleaseDirectory}/{platform.Arch}/{key.Family}/{name}"));
                    }
                }
            }
        }

        return new ApprovedSnapshots([.. found.OrderBy(s => s.Platform.Os, StringComparer.Ordinal).ThenBy(s => s.Platform.Arch, StringComparer.Ordinal)
            .ThenBy(s => s.Platform.Release).ThenBy(s => s.Key.ToString(), StringComparer.Ordinal)]);
    }

    public IEnumerable<ApprovedSnapshot> Of(string family) => All.Where(s => s.Key.Family == family);

    /// <summary>What applies to <paramref name="key"/> at a release: the newest approval of that os and arch not newer than it.</summary>
    public ApprovedSnapshot? At(Platform platform, SnapshotKey key) =>
        All.Where(s => s.Key == key && s.Platform.Os == platform.Os && s.Platform.Arch == platform.Arch && s.Platform.Release <= platform.Release)
            .MaxBy(s => s.Platform.Release);

    static IEnumerable<string> Folders(string folder)
    {
        try
        {
            return Directory.GetDirectories(folder).Order(StringComparer.Ordinal);
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    static IEnumerable<string> Files(string folder)
    {
        try
        {
            return Directory.GetFiles(folder, "*" + SnapshotTree.ApprovedSuffix).Order(StringComparer.Ordinal);
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }
}

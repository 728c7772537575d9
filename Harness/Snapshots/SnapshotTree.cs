using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// The approved snapshots on disk: <c>&lt;root&gt;/&lt;os&gt;-&lt;release&gt;/&lt;arch&gt;/&lt;Family&gt;/&lt;case&gt;.approved.md</c>.
/// A release directory only holds the cases that changed at that release, so the tree reads as a changelog.
/// </summary>
public sealed class SnapshotTree
{
    public const string ApprovedSuffix = ".approved.md";
    public const string ReceivedSuffix = ".received.md";

    public SnapshotTree(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = System.IO.Path.GetFullPath(root);
    }

    /// <summary>The absolute path of the tree's root (the snapshots/ directory).</summary>
    public string Root { get; }

    /// <summary>
    /// Finds the expectation for <paramref name="key"/>: among release directories of the running os
    /// with a file for the running arch, the newest release not newer than the running one; failing
    /// that, the oldest newer one (<see cref="ApprovedSource.NewerRelease"/>); failing that, none.
    /// Directory names that are not <c>&lt;os&gt;-&lt;major&gt;.&lt;minor&gt;</c> are ignored.
    /// </summary>
    public ApprovedLookup Locate(Platform running, SnapshotKey key)
    {
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(key);
        CheckArch(running);

        (ReleaseVersion Release, string Path)? notNewer = null;
        (ReleaseVersion Release, string Path)? newer = null;

        if (Directory.Exists(Root))
        {
            foreach (var directory in Directory.EnumerateDirectories(Root))
            {
                var name = System.IO.Path.GetFileName(directory);
                if (!Platform.TryParseReleaseDirectory(name, out var os, out var release)
                    || !string.Equals(os, running.Os, StringComparison.Ordinal))
                {
                    continue;
                }

                var candidate = System.IO.Path.Combine(directory, running.Arch, key.Family, key.Case + ApprovedSuffix);
                if (!File.Exists(candidate))
                {
                    continue;
                }

                if (release <= running.Release)
                {
                    if (notNewer is null || release > notNewer.Value.Release)
                    {
                        notNewer = (release, candidate);
                    }
                }
                else if (newer is null || release < newer.Value.Release)
                {
                    newer = (release, candidate);
                }
            }
        }

        if (notNewer is { } found)
        {
            var source = found.Release == running.Release ? ApprovedSource.SameRelease : ApprovedSource.OlderRelease;
            return new ApprovedLookup(found.Path, found.Release, source, running);
        }

        return newer is { } later
            ? new ApprovedLookup(later.Path, later.Release, ApprovedSource.NewerRelease, running)
            : new ApprovedLookup(null, null, ApprovedSource.None, running);
    }

    /// <summary>
    /// True when any release of <paramref name="running"/>'s os has an approved snapshot for its
    /// arch: the platform has a baseline, so a case without an approved file is a forgotten
    /// approval rather than a first run.
    /// </summary>
    public bool HasBaseline(Platform running)
    {
        ArgumentNullException.ThrowIfNull(running);
        CheckArch(running);
        return Directory.Exists(Root) && Directory.EnumerateDirectories(Root)
            .Where(directory => Platform.TryParseReleaseDirectory(System.IO.Path.GetFileName(directory), out var os, out _)
                                && string.Equals(os, running.Os, StringComparison.Ordinal))
            .Select(directory => System.IO.Path.Combine(directory, running.Arch))
            .Any(arch => Directory.Exists(arch)
                         && Directory.EnumerateFiles(arch, "*" + ApprovedSuffix, SearchOption.AllDirectories).Any());
    }

    /// <summary>The running release's own directory for its arch, e.g. <c>&lt;root&gt;/linux-6.18/x86_64</c>.</summary>
    public string ReleaseDirectoryFor(Platform running)
    {
        ArgumentNullException.ThrowIfNull(running);
        CheckArch(running);
        return System.IO.Path.Combine(Root, running.ReleaseDirectory, running.Arch);
    }

    /// <summary>The case's family folder under the running release, where its received file goes.</summary>
    public string FamilyDirectoryFor(Platform running, SnapshotKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return System.IO.Path.Combine(ReleaseDirectoryFor(running), key.Family);
    }

    /// <summary>Where the running release's approved file for <paramref name="key"/> is (or would be).</summary>
    public string ApprovedPathFor(Platform running, SnapshotKey key) =>
        System.IO.Path.Combine(FamilyDirectoryFor(running, key), key.Case + ApprovedSuffix);

    /// <summary>Where a received file for <paramref name="key"/> is written: always under the running release.</summary>
    public string ReceivedPath(Platform running, SnapshotKey key) =>
        System.IO.Path.Combine(FamilyDirectoryFor(running, key), key.Case + ReceivedSuffix);

    private static void CheckArch(Platform running)
    {
        if (!SnapshotKey.IsValidName(running.Arch))
        {
            throw new ArgumentException(
                $"Platform arch '{running.Arch}' cannot name a snapshot directory.", nameof(running));
        }

        if (!SnapshotKey.IsValidName(running.Os))
        {
            throw new ArgumentException(
                $"Platform os '{running.Os}' cannot name a snapshot directory.", nameof(running));
        }
    }
}

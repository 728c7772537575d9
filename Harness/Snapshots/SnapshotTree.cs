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

    /// <summary>The releases of <paramref name="os"/> the tree has a directory for; names that are not <c>&lt;os&gt;-&lt;major&gt;.&lt;minor&gt;</c> are ignored.</summary>
    public IEnumerable<ReleaseVersion> Releases(string os)
    {
        foreach (var directory in Directory.Exists(Root) ? Directory.EnumerateDirectories(Root) : [])
        {
            if (Platform.TryParseReleaseDirectory(System.IO.Path.GetFileName(directory), out var dirOs, out var release) && dirOs == os)
            {
                yield return release;
            }
        }
    }

    /// <summary>
    /// Finds the expectation for <paramref name="key"/>: among the running os's releases with a
    /// file for the running arch, the newest not newer than the running one; failing that, the
    /// oldest newer one (<see cref="ApprovedSource.NewerRelease"/>); failing that, none.
    /// </summary>
    public ApprovedLookup Locate(Platform running, SnapshotKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var approved = Releases(Checked(running).Os)
            .Where(release => File.Exists(ApprovedPathFor(running with { Release = release }, key)))
            .ToList();
        ReleaseVersion? notNewer = approved.Where(r => r <= running.Release).Order().Cast<ReleaseVersion?>().LastOrDefault();
        ReleaseVersion? newer = approved.Where(r => r > running.Release).Order().Cast<ReleaseVersion?>().FirstOrDefault();
        var from = notNewer ?? newer;
        var source = notNewer == running.Release ? ApprovedSource.SameRelease
            : notNewer is not null ? ApprovedSource.OlderRelease
            : newer is not null ? ApprovedSource.NewerRelease
            : ApprovedSource.None;
        return new ApprovedLookup(from is null ? null : ApprovedPathFor(running with { Release = from.Value }, key), from, source, running);
    }

    /// <summary>
    /// True when any release of <paramref name="running"/>'s os has an approved snapshot for its
    /// arch: the platform has a baseline, so a case without an approved file is a forgotten
    /// approval rather than a first run.
    /// </summary>
    public bool HasBaseline(Platform running) =>
        Releases(Checked(running).Os)
            .Select(release => ReleaseDirectoryFor(running with { Release = release }))
            .Any(arch => Directory.Exists(arch) && Directory.EnumerateFiles(arch, "*" + ApprovedSuffix, SearchOption.AllDirectories).Any());

    /// <summary>The running release's own directory for its arch, e.g. <c>&lt;root&gt;/linux-6.18/x86_64</c>.</summary>
    public string ReleaseDirectoryFor(Platform running) =>
        System.IO.Path.Combine(Root, Checked(running).ReleaseDirectory, running.Arch);

    /// <summary>Where the running release's approved file for <paramref name="key"/> is (or would be).</summary>
    public string ApprovedPathFor(Platform running, SnapshotKey key) =>
        System.IO.Path.Combine(ReleaseDirectoryFor(running), key.Family, key.Case + ApprovedSuffix);

    /// <summary>Where a received file for <paramref name="key"/> is written: always under the running release.</summary>
    public string ReceivedPath(Platform running, SnapshotKey key) =>
        System.IO.Path.Combine(ReleaseDirectoryFor(running), key.Family, key.Case + ReceivedSuffix);

    static Platform Checked(Platform running)
    {
        ArgumentNullException.ThrowIfNull(running);
        return SnapshotKey.IsValidName(running.Arch) && SnapshotKey.IsValidName(running.Os)
            ? running
            : throw new ArgumentException($"Platform os '{running.Os}' or arch '{running.Arch}' cannot name a snapshot directory.", nameof(running));
    }
}

/// <summary>Where the expectation for one case came from, relative to the running release.</summary>
public enum ApprovedSource
{
    /// <summary>The running release has its own approved file.</summary>
    SameRelease,

    /// <summary>The newest older release with an approved file: behaviour unchanged since then.</summary>
    OlderRelease,

    /// <summary>Only newer releases have an approved file; the oldest of them is used, and failures say so.</summary>
    NewerRelease,

    /// <summary>No release of this os and arch has an approved file.</summary>
    None,
}

/// <summary>The result of <see cref="SnapshotTree.Locate"/>: the approved file (if any), the release it belongs to, and how that release relates to <see cref="Running"/>.</summary>
public sealed record ApprovedLookup(string? Path, ReleaseVersion? From, ApprovedSource Source, Platform Running)
{
    /// <summary>The release directory name of <see cref="From"/>, e.g. "linux-6.12".</summary>
    public string? FromDirectory => From is { } from ? $"{Running.Os}-{from}" : null;

    /// <summary>One sentence for failure messages, e.g. "approved at linux-6.12 (the newest release not newer than linux-6.18)".</summary>
    public string Describe() => Source switch
    {
        ApprovedSource.SameRelease => $"approved at {FromDirectory} (the running release)",
        ApprovedSource.OlderRelease => $"approved at {FromDirectory} (the newest release not newer than {Running.ReleaseDirectory})",
        ApprovedSource.NewerRelease => $"approved only at {FromDirectory}, newer than the running {Running.ReleaseDirectory}: " +
                                       "no approved file exists for this or an older release",
        _ => $"no approved file for {Running.Os} {Running.Arch} in any release",
    };
}

/// <summary>Finds the snapshot tree: OOLSPECS_SNAPSHOTS, else the checkout's snapshots/ (which git may not have made yet: the first received file makes it).</summary>
public static class SnapshotRoot
{
    /// <summary>Overrides the location of the snapshots directory (it must exist).</summary>
    public const string EnvironmentVariable = "OOLSPECS_SNAPSHOTS";

    public static string Locate() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), RepositoryRoot.Locate);

    internal static string Locate(string? environmentValue, Func<string> repositoryRoot)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return Directory.Exists(environmentValue)
                ? Path.GetFullPath(environmentValue)
                : throw new SnapshotInputException(
                    $"{EnvironmentVariable} is set to '{environmentValue}', but that directory does not exist; unset it to use the checkout's snapshots/.");
        }

        try
        {
            return Path.Combine(repositoryRoot(), "snapshots");
        }
        catch (DirectoryNotFoundException e)
        {
            // OOLSPECS_ROOT (or the recorded checkout) is wrong: a setting to fix, not a failed run.
            throw new SnapshotInputException(e.Message);
        }
    }
}

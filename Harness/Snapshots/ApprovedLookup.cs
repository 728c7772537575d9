using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

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

/// <summary>
/// The result of <see cref="SnapshotTree.Locate"/>: the approved file (if any), the release it
/// belongs to, and how that release relates to <see cref="Running"/>.
/// </summary>
public sealed record ApprovedLookup(string? Path, ReleaseVersion? From, ApprovedSource Source, Platform Running)
{
    /// <summary>The release directory name of <see cref="From"/>, e.g. "linux-6.12".</summary>
    public string? FromDirectory => From is { } from ? $"{Running.Os}-{from}" : null;

    /// <summary>One sentence for failure messages, e.g. "approved at linux-6.12 (the newest release not newer than linux-6.18)".</summary>
    public string Describe() => Source switch
    {
        ApprovedSource.SameRelease =>
            $"approved at {FromDirectory} (the running release)",
        ApprovedSource.OlderRelease =>
            $"approved at {FromDirectory} (the newest release not newer than {Running.ReleaseDirectory})",
        ApprovedSource.NewerRelease =>
            $"approved only at {FromDirectory}, newer than the running {Running.ReleaseDirectory}: " +
            "no approved file exists for this or an older release",
        _ =>
            $"no approved file for {Running.Os} {Running.Arch} in any release",
    };
}

using System.Text;
using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// The layout a CI artifact of received snapshots has, and nothing else:
/// <c>&lt;os&gt;-&lt;major.minor&gt;/&lt;arch&gt;/&lt;Family&gt;/&lt;case&gt;.received.md</c>, relative, '/'-separated,
/// optionally under one folder per artifact (what `gh run download` makes of several artifacts).
/// Anything else is refused before a byte is written, which is also what stops an entry from
/// escaping the tree (zip-slip): no '..', no root, no backslash can pass.
/// </summary>
public static class ArtifactLayout
{
    public const string Pattern = "<os>-<major.minor>/<arch>/<Family>/<case>.received.md";

    /// <summary>The longest file name macOS and Linux file systems take, in bytes.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>
    /// Why an entry is passed over, or null: what macOS adds when a person handles an artifact
    /// (Finder's .DS_Store, Archive Utility's __MACOSX/ folder, ._ AppleDouble files), and the
    /// workflow's determinism report, an artifact of its own that `gh run download` puts beside
    /// the snapshots. Skipped entries are named, never read.
    /// </summary>
    public static string? SkipReason(string entry)
    {
        var parts = entry.TrimEnd('/').Split('/');
        if (parts.Contains("__MACOSX", StringComparer.Ordinal) || parts[^1] == ".DS_Store" || parts[^1].StartsWith("._", StringComparison.Ordinal))
        {
            return "macOS metadata (Finder or Archive Utility), not a received snapshot";
        }

        return parts.Length == 2 && parts[0].StartsWith(DeterminismArtifact, StringComparison.Ordinal)
            ? "the run's determinism report, not a snapshot: read it before approving"
            : null;
    }

    /// <summary>The start of the workflow's determinism artifact's name (determinism-&lt;release&gt;-&lt;arch&gt;).</summary>
    public const string DeterminismArtifact = "determinism-";

    /// <summary>Reads an entry's path as a place in the tree; throws <see cref="SnapshotInputException"/> naming the entry otherwise.</summary>
    public static (Platform Platform, SnapshotKey Key) Parse(string entry, string source)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Contains('\\') || entry.StartsWith('/') || (entry.Length > 1 && entry[1] == ':') || entry.Split('/').Any(p => p is ".." or "."))
        {
            throw Refused(entry, source, "it would land outside the snapshot tree");
        }

        var parts = entry.Split('/');
        if (parts.FirstOrDefault(p => Encoding.UTF8.GetByteCount(p) > MaxNameBytes) is { } tooLong)
        {
            throw Refused(entry, source, $"the name '{tooLong[..40]}…' is {Encoding.UTF8.GetByteCount(tooLong)} bytes, longer than the {MaxNameBytes} a file system takes");
        }

        // `gh run download` of several artifacts puts each in a folder named after it.
        if (parts.Length == 5 && SnapshotKey.IsValidName(parts[0]) && Platform.TryParseReleaseDirectory(parts[1], out _, out _))
        {
            parts = parts[1..];
        }

        if (parts.Length != 4)
        {
            throw Refused(entry, source, $"it has {parts.Length} path components, not 4 (or 5 under an artifact's folder)");
        }

        if (!Platform.TryParseReleaseDirectory(parts[0], out var os, out var release) || os is not ("macos" or "linux"))
        {
            throw Refused(entry, source, $"'{parts[0]}' is not a release directory such as macos-15.5 or linux-6.18");
        }

        if (!SnapshotKey.IsValidName(parts[1]) || !SnapshotKey.IsValidName(parts[2]))
        {
            throw Refused(entry, source, "an arch or family name has characters other than letters, digits, '-', '_' and '.'");
        }

        var file = parts[3];
        var @case = file.EndsWith(SnapshotTree.ReceivedSuffix, StringComparison.Ordinal) ? file[..^SnapshotTree.ReceivedSuffix.Length] : null;
        if (!SnapshotKey.IsValidName(@case))
        {
            throw Refused(entry, source, $"'{file}' is not <case>{SnapshotTree.ReceivedSuffix}");
        }

        var key = new SnapshotKey(parts[2], @case!);
        if (!ArtifactCatalogue.KnowsArch(parts[1]))
        {
            throw Refused(entry, source, $"OolSpecs files no observation under the arch '{parts[1]}' (only {string.Join(", ", ArtifactCatalogue.Arches)})");
        }

        if (!ArtifactCatalogue.KnowsFamily(key.Family))
        {
            throw Refused(entry, source, $"no scenario has the family '{key.Family}' (the families are {string.Join(", ", ArtifactCatalogue.Families)})");
        }

        if (!ArtifactCatalogue.Knows(key))
        {
            throw Refused(entry, source, $"no scenario of {key.Family} has the case '{key.Case}'; is the artifact from another version of OolSpecs?");
        }

        return (new Platform(os, release, parts[1]), key);
    }

    public static SnapshotInputException Refused(string entry, string source, string why) =>
        new($"accept --from {source}: refused '{entry}': {why}. An artifact holds only {Pattern} (as the workflow uploads them); " +
            "nothing was approved. Give the folder or .zip that holds the release directories.");
}

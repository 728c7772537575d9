using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// The layout a CI artifact of received snapshots has, and nothing else:
/// <c>&lt;os&gt;-&lt;major.minor&gt;/&lt;arch&gt;/&lt;Family&gt;/&lt;case&gt;.received.md</c>, relative, '/'-separated.
/// Anything else is refused before a byte is written, which is also what stops an entry from
/// escaping the tree (zip-slip): no '..', no root, no backslash can pass.
/// </summary>
public static class ArtifactLayout
{
    public const string Pattern = "<os>-<major.minor>/<arch>/<Family>/<case>.received.md";

    /// <summary>Reads an entry's path as a place in the tree; throws <see cref="SnapshotInputException"/> naming the entry otherwise.</summary>
    public static (Platform Platform, SnapshotKey Key) Parse(string entry, string source)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Contains('\\') || entry.StartsWith('/') || (entry.Length > 1 && entry[1] == ':') || entry.Split('/').Any(p => p is ".." or "."))
        {
            throw Refused(entry, source, "it would land outside the snapshot tree");
        }

        var parts = entry.Split('/');
        if (parts.Length != 4)
        {
            throw Refused(entry, source, $"it has {parts.Length} path components, not 4");
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

        return (new Platform(os, release, parts[1]), new SnapshotKey(parts[2], @case!));
    }

    public static SnapshotInputException Refused(string entry, string source, string why) =>
        new($"accept --from {source}: refused '{entry}': {why}. An artifact holds only {Pattern} (as the workflow uploads them); " +
            "nothing was approved. Give the folder or .zip that holds the release directories.");
}

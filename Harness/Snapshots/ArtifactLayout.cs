using System.Text;
using System.Text.RegularExpressions;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// The layout a CI artifact of received snapshots has, and nothing else:
/// <c>&lt;os&gt;-&lt;major.minor&gt;/&lt;arch&gt;/&lt;Family&gt;/&lt;case&gt;.received.md</c>, relative, '/'-separated,
/// optionally under one folder per artifact (what `gh run download` makes of several artifacts),
/// for an arch, family and case the scenario catalogue has (each also as its without-frames case,
/// with any size in MiB: the footprint case is named after a setting). Anything else is refused
/// before a byte is written, which is also what stops an entry from escaping the tree (zip-slip):
/// no '..', no root, no backslash can pass; a typo, another project's file or a stale case is never approved.
/// </summary>
public static partial class ArtifactLayout
{
    public const string Pattern = "<os>-<major.minor>/<arch>/<Family>/<case>.received.md";

    /// <summary>The longest file name macOS and Linux file systems take, in bytes.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>What PlatformDetector files observations under: a Rosetta-translated run is refused, never filed.</summary>
    public static readonly IReadOnlyList<string> Arches = ["arm64", "x86_64"];

    static readonly Lazy<IReadOnlyDictionary<string, HashSet<string>>> cases = new(ReadCatalogue);

    public static IReadOnlyCollection<string> Families => [.. cases.Value.Keys.Order(StringComparer.Ordinal)];

    public static bool KnowsFamily(string family) => cases.Value.ContainsKey(family);

    public static bool Knows(SnapshotKey key) => cases.Value.TryGetValue(key.Family, out var known) && known.Contains(Shape(key.Case));

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

        return parts.Length == 2 && parts[0].StartsWith("determinism-", StringComparison.Ordinal)
            ? "the run's determinism report, not a snapshot: read it before approving"
            : null;
    }

    /// <summary>True when an entry would land outside the tree, whatever else it is.</summary>
    public static bool Escapes(string entry) =>
        entry.Contains('\\') || entry.StartsWith('/') || (entry.Length > 1 && entry[1] == ':') || entry.TrimEnd('/').Split('/').Any(p => p is ".." or ".");

    /// <summary>Reads an entry's path as a place in the tree; throws <see cref="SnapshotInputException"/> naming the entry otherwise.</summary>
    public static (Platform Platform, SnapshotKey Key) Parse(string entry, string source)
    {
        if (Escapes(entry))
        {
            throw Refused(entry, source, "it would land outside the snapshot tree");
        }

        var parts = entry.Split('/');
        if (parts.FirstOrDefault(p => Encoding.UTF8.GetByteCount(p) > MaxNameBytes) is { } tooLong)
        {
            throw Refused(entry, source, $"the name '{tooLong[..40]}…' is {Encoding.UTF8.GetByteCount(tooLong)} bytes, longer than the {MaxNameBytes} a file system takes");
        }

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

        var @case = parts[3].EndsWith(SnapshotTree.ReceivedSuffix, StringComparison.Ordinal) ? parts[3][..^SnapshotTree.ReceivedSuffix.Length] : null;
        var why = !SnapshotKey.IsValidName(parts[1]) || !SnapshotKey.IsValidName(parts[2]) ? "an arch or family name has characters other than letters, digits, '-', '_' and '.'"
            : !SnapshotKey.IsValidName(@case) ? $"'{parts[3]}' is not <case>{SnapshotTree.ReceivedSuffix}"
            : !Arches.Contains(parts[1]) ? $"OolSpecs files no observation under the arch '{parts[1]}' (only {string.Join(", ", Arches)})"
            : !KnowsFamily(parts[2]) ? $"no scenario has the family '{parts[2]}' (the families are {string.Join(", ", Families)})"
            : !Knows(new SnapshotKey(parts[2], @case!)) ? $"no scenario of {parts[2]} has the case '{@case}'; is the artifact from another version of OolSpecs?"
            : null;
        return why is null ? (new Platform(os, release, parts[1]), new SnapshotKey(parts[2], @case!)) : throw Refused(entry, source, why);
    }

    public static SnapshotInputException Refused(string entry, string source, string why) =>
        new($"accept --from {source}: refused '{entry}': {why}. An artifact holds only {Pattern} (as the workflow uploads them); " +
            "nothing was approved. Give the folder or .zip that holds the release directories.");

    /// <summary>A case without its without-frames suffix and with "&lt;n&gt;MiB" for its size: "footprint-64MiB" and "footprint-256MiB" are one case at two settings.</summary>
    static string Shape(string @case) =>
        SizeInMiB().Replace(@case.EndsWith(CapSysAdmin.WithoutFramesSuffix, StringComparison.Ordinal) ? @case[..^CapSysAdmin.WithoutFramesSuffix.Length] : @case, "<n>MiB");

    static IReadOnlyDictionary<string, HashSet<string>> ReadCatalogue()
    {
        try
        {
            return ScenarioCatalogue.All.SelectMany(group => group.Scenarios)
                .GroupBy(s => s.Family)
                .ToDictionary(g => g.Key, g => g.Select(s => Shape(s.Case)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        }
        catch (ArgumentException e)
        {
            // A listing reads settings (OOLSPECS_LARGE_BYTES); a wrong one is the user's to fix.
            throw new SnapshotInputException(e.Message);
        }
    }

    [GeneratedRegex(@"(?<=-)\d+MiB$")]
    private static partial Regex SizeInMiB();
}

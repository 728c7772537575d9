using System.Globalization;

namespace OolSpecs.Harness.Platforms;

/// <summary>
/// An OS release as major.minor: a macOS product version ("15.1") or a Linux kernel
/// version ("6.18"). Patch levels are dropped on purpose: snapshots are kept per
/// minor release, and a patch that changes kernel behaviour still shows as a mismatch.
/// </summary>
public readonly record struct ReleaseVersion(int Major, int Minor) : IComparable<ReleaseVersion>
{
    public int CompareTo(ReleaseVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Major}.{Minor}";

    /// <summary>Reads the leading "major[.minor]" of a release string such as "6.18.44-fc" or "15".</summary>
    public static bool TryParseLeading(string text, out ReleaseVersion version)
    {
        version = default;
        var numbers = new List<int>(2);
        var i = 0;
        while (numbers.Count < 2 && i < text.Length && char.IsAsciiDigit(text[i]))
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (!int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            numbers.Add(n);
            if (i < text.Length && text[i] == '.')
            {
                i++;
            }
            else
            {
                break;
            }
        }

        if (numbers.Count == 0)
        {
            return false;
        }

        version = new ReleaseVersion(numbers[0], numbers.Count > 1 ? numbers[1] : 0);
        return true;
    }

    public static ReleaseVersion ParseLeading(string text) =>
        TryParseLeading(text, out var version)
            ? version
            : throw new FormatException($"'{text}' does not start with a release number such as 15.1 or 6.18.");
}

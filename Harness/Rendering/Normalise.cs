using System.Globalization;

namespace OolSpecs.Harness.Rendering;

/// <summary>
/// Turns raw kernel facts into snapshot-stable text: addresses become page offsets from
/// the buffer, sizes become pages, identities (frames, VM objects) become letters.
/// </summary>
public static class Normalise
{
    /// <summary>"0..1": the region's bounds in pages relative to the buffer's first byte.</summary>
    public static string Bounds(ulong start, ulong end, ulong buffer, long pageSize) =>
        $"{PageOffset(start, buffer, pageSize)}..{PageOffset(end, buffer, pageSize)}";

    public static string PageOffset(ulong address, ulong buffer, long pageSize)
    {
        var delta = (Int128)address - buffer;
        var pages = delta / pageSize;
        var rest = delta % pageSize;
        return rest == 0 ? pages.ToString(CultureInfo.InvariantCulture) : $"{pages}+{rest}B";
    }

    /// <summary>Kilobytes as smaps prints them, in pages ("1", or "0.5" for a proportional share).</summary>
    public static string KbAsPages(long kb, long pageSize) => Pages(kb * 1024m / pageSize);

    public static string Pages(decimal pages) => pages.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A count as the snapshot prints it, whatever the machine's culture.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>"rw-" from a VM_PROT_* bit set.</summary>
    public static string Protection(int protection) =>
        string.Concat((protection & 1) != 0 ? "r" : "-", (protection & 2) != 0 ? "w" : "-", (protection & 4) != 0 ? "x" : "-");
}

/// <summary>
/// Names raw identities (frame numbers, VM object ids) by the order they first appear:
/// the first is A, the next B. A snapshot shows which facts share an identity, never the value.
/// </summary>
public sealed class IdentityLabels : IdentityLabels<ulong>;

/// <summary>
/// Letters for any identity: <see cref="IdentityLabels"/> for raw values, or a key that tells
/// apart two things the kernel gave the same raw value at different times (an OOL run's VM objects).
/// </summary>
public class IdentityLabels<TIdentity>
    where TIdentity : notnull
{
    readonly Dictionary<TIdentity, string> labels = [];

    public string For(TIdentity identity)
    {
        if (!labels.TryGetValue(identity, out var label))
        {
            label = Letter(labels.Count);
            labels.Add(identity, label);
        }

        return label;
    }

    static string Letter(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : Letter(index / 26 - 1) + (char)('A' + index % 26);
}

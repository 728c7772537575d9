using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>What a second view of the same memory is to be; the SecondMapping claim classes are named after these.</summary>
public enum ViewOutcome
{
    /// <summary>One memory: each view sees the other's writes.</summary>
    Shared,
    /// <summary>A private view of a file: it reads the file's pages until it writes, then a copy of its own.</summary>
    PrivateFile,
    /// <summary>A copy as it was when made: neither side sees the other's later writes.</summary>
    Copied,
    /// <summary>The kernel is to refuse to make the view.</summary>
    Refused,
    /// <summary>A forced write (ptrace's FOLL_FORCE) into a read-only private mapping: the file never changes.</summary>
    ForcedWrite,
    /// <summary>What the kernel does is not settled by the source as read: only the snapshot holds it.</summary>
    Unsettled,
}

/// <summary>One row of `oolprobe second-view`: its kernel, outcome, and the setup in words.</summary>
public sealed record SecondViewRow(SecondViewWay Way, Kernel Kernel, ViewOutcome Outcome, string Setup)
{
    /// <summary>The probe's --view word.</summary>
    public string Word => ProbeWords.Of(Way);

    /// <summary>The row in words, e.g. "memfd-shared (two MAP_SHARED mappings of one memfd)".</summary>
    public string Description => $"{Word} ({Setup})";

    public override string ToString() => Description;
}

/// <summary>
/// The one table of second-view's rows (as <see cref="InheritModes"/> is fork-inherit's): the
/// harness needs it to run a row on its kernel and title its snapshot; the specs pick their
/// theory rows from it, and what each outcome claims stays in the specs.
/// </summary>
public static class SecondViews
{
    public static readonly IReadOnlyList<SecondViewRow> All =
    [
        new(SecondViewWay.MemfdShared, Kernel.Linux, ViewOutcome.Shared, "two MAP_SHARED mappings of one memfd"),
        new(SecondViewWay.MemfdPrivate, Kernel.Linux, ViewOutcome.PrivateFile, "MAP_PRIVATE of a memfd beside MAP_SHARED"),
        new(SecondViewWay.MremapShared, Kernel.Linux, ViewOutcome.Shared, "mremap old_size 0 of MAP_SHARED|MAP_ANONYMOUS"),
        new(SecondViewWay.MremapPrivate, Kernel.Linux, ViewOutcome.Refused, "mremap old_size 0 of MAP_PRIVATE|MAP_ANONYMOUS"),
        new(SecondViewWay.ProcMemPrivateFile, Kernel.Linux, ViewOutcome.ForcedWrite, "/proc/self/mem write into a read-only MAP_PRIVATE file mapping"),
        new(SecondViewWay.RemapShare, Kernel.Xnu, ViewOutcome.Shared, "mach_vm_remap copy FALSE"),
        new(SecondViewWay.RemapCopy, Kernel.Xnu, ViewOutcome.Copied, "mach_vm_remap copy TRUE"),
        new(SecondViewWay.EntryShare, Kernel.Xnu, ViewOutcome.Shared, "memory entry MAP_MEM_VM_SHARE, mach_vm_map"),
        new(SecondViewWay.EntryCopy, Kernel.Xnu, ViewOutcome.Copied, "memory entry MAP_MEM_VM_COPY, mach_vm_map"),
        new(SecondViewWay.EntryReadOnly, Kernel.Xnu, ViewOutcome.Refused, "read-only memory entry, mach_vm_map asking write"),
        new(SecondViewWay.EntryUnaligned, Kernel.Xnu, ViewOutcome.Unsettled, "memory entry of a size not page aligned"),
    ];

    public static SecondViewRow Of(SecondViewWay way) =>
        All.SingleOrDefault(row => row.Way == way)
        ?? throw new ArgumentOutOfRangeException(nameof(way), way, "The second-view table has no row for this way.");

    /// <summary>The row a spec names by its description.</summary>
    public static SecondViewRow Described(string description) =>
        All.SingleOrDefault(row => row.Description == description)
        ?? throw new ArgumentException($"No second-view row is described as '{description}'; the rows are: {string.Join("; ", All)}.", nameof(description));
}

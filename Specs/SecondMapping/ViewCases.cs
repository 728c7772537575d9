using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.SecondMapping;

/// <summary>
/// One way of second-view: the harness's row (probe word, kernel, setup in words), the exact
/// calls, the checks a run of it is judged by, and what breaks if the kernel gets it wrong.
/// </summary>
public sealed record ViewCase(KernelRow<SecondViewWay> Row, string Allocation, IReadOnlyList<Check<SecondViewRun>> Checks, string Security)
    : KernelRowCase<SecondViewWay, SecondViewRun>(Row, Allocation, Checks, Security)
{
    public override ProbeScenario<SecondViewRun> ScenarioFor(bool withoutCapSysAdmin) => new SecondViewScenario(Row.Way, withoutCapSysAdmin);
}

/// <summary>
/// The one table of second-view cases: per way of mapping two pages a second time, the calls
/// and the claims it falls under. The original is filled, the view made; the original is
/// written and the view read; the view is written and the original read (see <see cref="SecondMappingSpec"/>).
/// </summary>
public static class ViewCases
{
    const string Memfd = "memfd_create(MFD_CLOEXEC), ftruncate(2 pages)";
    const string Mremap = ", then the view: mremap(original, old_size 0, new_size 2 pages, MREMAP_MAYMOVE)";
    const string XnuOriginal = "mach_vm_allocate(VM_FLAGS_ANYWHERE), untagged, then the view: ";
    const string Remap = "mach_vm_remap(VM_FLAGS_ANYWHERE, this task, copy = {0}, VM_INHERIT_NONE)";
    const string Entry = "mach_make_memory_entry_64({0}), mach_vm_map(VM_FLAGS_ANYWHERE, {1}, copy FALSE, cur and max VM_PROT_READ|VM_PROT_WRITE, VM_INHERIT_NONE)";

    static readonly IReadOnlyList<Check<SecondViewRun>> LinuxShared =
    [
        new(SharedViewClaims.LinuxWritesCross, SharedViewClaims.WritesCross),
        new(SharedViewClaims.LinuxSameFrames, SharedViewClaims.SameFrames),
    ];

    static readonly IReadOnlyList<Check<SecondViewRun>> XnuShared = [new(SharedViewClaims.XnuWritesCross, SharedViewClaims.WritesCross)];

    static readonly IReadOnlyList<Check<SecondViewRun>> XnuCopied =
    [
        new(CopiedViewClaims.XnuCopyStays, CopiedViewClaims.CopyStays),
        new(CopiedViewClaims.XnuCopyHasItsOwnObject, CopiedViewClaims.OwnObject),
    ];

    const string SharedIsOneMemory =
        "two views of one memory are how a check made through one is undone through the other (TOCTOU): a reader must copy before it checks; a shared view that silently stopped sharing would hand its peer stale data";

    const string CopySeesWrites =
        "a copied view that still sees the original's writes turns a check made on the copy into a TOCTOU: the data validated changes under it";

    public static readonly IReadOnlyList<ViewCase> All =
    [
        new(SecondViews.All.Of(SecondViewWay.MemfdShared),
            $"{Memfd}; mmap(PROT_READ|PROT_WRITE, MAP_SHARED, memfd) twice: the original and the view",
            LinuxShared, SharedIsOneMemory),
        new(SecondViews.All.Of(SecondViewWay.MemfdPrivate),
            $"{Memfd}; the original mmap(PROT_READ|PROT_WRITE, MAP_SHARED, memfd), the view mmap(PROT_READ|PROT_WRITE, MAP_PRIVATE, memfd)",
            [new(CopiedViewClaims.LinuxPrivateFileView, CopiedViewClaims.PrivateFileView), new(CopiedViewClaims.LinuxCopiedOnWrite, CopiedViewClaims.CopiedOnWrite)],
            "a private view's write that reached the file would let a process change a file it may only map privately, every other reader of the file included"),
        new(SecondViews.All.Of(SecondViewWay.MremapShared), PageBuffers.Linux("MAP_SHARED") + Mremap, LinuxShared, SharedIsOneMemory),
        new(SecondViews.All.Of(SecondViewWay.MremapPrivate), PageBuffers.Linux("MAP_PRIVATE") + Mremap,
            [new(RefusedViewClaims.LinuxPrivateMremapRefused, RefusedViewClaims.Refused)],
            "a private anonymous mapping duplicated in place would alias pages that copy-on-write and reclaim account to one mapping: a write through one view would land in pages the other believes its own"),
        new(SecondViews.All.Of(SecondViewWay.ProcMemPrivateFile),
            $"{Memfd}, pwrite of the file's data; the view mmap(PROT_READ, MAP_PRIVATE) of the memfd reopened O_RDONLY; the forced write pwrite(/proc/self/mem) at the view's address",
            [new(ForcedWriteClaims.FileNeverChanged, ForcedWriteClaims.FileUnchanged), new(ForcedWriteClaims.ForcedWriteCopies, ForcedWriteClaims.Copies)],
            "a forced write that reached the file behind a read-only private mapping is DirtyCOW (CVE-2016-5195): an unprivileged process rewriting a file it may only read, a setuid binary say"),
        new(SecondViews.All.Of(SecondViewWay.RemapShare), XnuOriginal + string.Format(null, Remap, "FALSE"), XnuShared, SharedIsOneMemory),
        new(SecondViews.All.Of(SecondViewWay.RemapCopy), XnuOriginal + string.Format(null, Remap, "TRUE"), XnuCopied, CopySeesWrites),
        new(SecondViews.All.Of(SecondViewWay.EntryShare),
            XnuOriginal + string.Format(null, Entry, "VM_PROT_READ|VM_PROT_WRITE|MAP_MEM_VM_SHARE", "2 pages"), XnuShared, SharedIsOneMemory),
        new(SecondViews.All.Of(SecondViewWay.EntryCopy),
            XnuOriginal + string.Format(null, Entry, "VM_PROT_READ|VM_PROT_WRITE|MAP_MEM_VM_COPY", "2 pages"), XnuCopied, CopySeesWrites),
        new(SecondViews.All.Of(SecondViewWay.EntryReadOnly),
            XnuOriginal + string.Format(null, Entry, "VM_PROT_READ|MAP_MEM_VM_SHARE", "2 pages"),
            [new(RefusedViewClaims.XnuReadOnlyEntryRefused, RefusedViewClaims.Refused)],
            "a read-only memory entry mapped writable lets whoever holds the entry, often received in a Mach message, write memory its owner shared read-only"),
        new(SecondViews.All.Of(SecondViewWay.EntryUnaligned),
            XnuOriginal + string.Format(null, Entry, "2 pages - 1 byte, VM_PROT_READ|VM_PROT_WRITE|MAP_MEM_VM_SHARE", "2 pages - 1 byte"),
            [],
            "an entry size that is not page aligned is PhysPuppet's shape (CVE-2023-23536): where the kernel rounds it one way and maps it another, a task keeps a page it no longer owns"),
    ];
}

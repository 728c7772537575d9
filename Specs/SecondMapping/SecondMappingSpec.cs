// SecondMapping: the same memory mapped a second time in one process (Linux memfd and mremap,
// XNU mach_vm_remap and memory entries), and whether a write through one view shows in the
// other: a shared view is one memory, a copied view keeps its writes to itself, some views are
// refused, and a forced write through /proc/self/mem never reaches the file behind a private
// mapping (DirtyCOW's end state).
//
// Read in order: the claims (one sentence each, the kernel source that decides it, and the judge
// of a run), the family's one table of cases, then the spec classes, theories over that table.
// A new family writes one such file.

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Scenarios.SecondViewSteps;

namespace OolSpecs.Specs.SecondMapping;

// The claims.

/// <summary>Two views of one memory: each sees the other's writes, so a check made through one can be undone through the other.</summary>
public static class SharedViewClaims
{
    public static readonly Claim LinuxWritesCross = new(Kernel.Linux,
        "two MAP_SHARED views of one memfd, or a view made by mremap with old_size 0 of a shared anonymous mapping, are one memory: each reads the original's fill and sees the other's writes",
        KernelSource.Linux(LinuxFunctions.MemfdCreate.Because("a memfd is a shmem file"), LinuxFunctions.CheckPrepVma.Because("refuses old_size 0 only for a mapping neither VM_SHARED nor VM_MAYSHARE, so a shared one is mapped again"), LinuxFunctions.ShmemFault, LinuxFunctions.ShmemGetFolio.Because("each page of the object is one folio, which both views find")));

    public static readonly Claim LinuxSameFrames = new(Kernel.Linux,
        "once written, both views map the same frames, each mapped twice (once per view)",
        KernelSource.Linux(LinuxFunctions.ShmemGetFolio, LinuxFunctions.PteToPagemapEntry));

    public static readonly Claim XnuWritesCross = new(Kernel.Xnu,
        "mach_vm_remap with copy = FALSE, and a MAP_MEM_VM_SHARE memory entry mapped with mach_vm_map, make a second view of the same memory: each reads the fill and sees the other's writes",
        KernelSource.Xnu(XnuFunctions.VmMapRemap, XnuFunctions.VmMapRemapExtract.Because("copy FALSE: the new entry references the source entry's VM object, both marked `is_shared`"), XnuFunctions.MachMakeMemoryEntryInternal.Because("MAP_MEM_VM_SHARE extracts the range through vm_map_copy_extract, which calls vm_map_remap_extract"), XnuFunctions.VmMapEnterMemObject.Because("maps the entry's objects")));

    public static ClaimVerdict WritesCross(SecondViewRun run)
    {
        var content = run.Content;
        return new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuWritesCross : LinuxWritesCross)
            .Made(run)
            .OriginalWrote(run)
            .Reads(content.ViewReadsFill, "the view", "the original's fill")
            .Reads(content.ViewSeesOriginalWrite, "the view", "the original's write")
            .DoesNotRead(content.ViewKeepsFill, "the view", "the fill the original wrote over (a control)")
            .Reads(content.ViewReadsBack, "the view", "its own write read back")
            .Reads(content.OriginalSeesViewWrite, "the original", "the view's write")
            .DoesNotRead(content.OriginalKeepsOwn, "the original", "its own write, which the view wrote over");
    }

    public static ClaimVerdict SameFrames(SecondViewRun run)
    {
        var verdict = new ClaimVerdict(LinuxSameFrames).Made(run);
        foreach (var step in new[] { AfterOriginalWrite, AfterViewWrite })
        {
            if (verdict.Frames(run, step, view: false) is not { } original || verdict.Frames(run, step, view: true) is not { } view)
            {
                continue;
            }

            verdict.Expect(original.Select(p => p.Pfn).SequenceEqual(view.Select(p => p.Pfn)) && original.All(p => p.Present && p.Pfn is not null), $"{step}: the views map different frames");
            verdict.Expect(original.Concat(view).All(p => p.MapCount == 2), $"{step}: map counts are {string.Join(", ", original.Concat(view).Select(p => p.MapCount))}, not 2");
        }

        return verdict;
    }
}

/// <summary>
/// Views that are copies: a private view of a file reads the file's pages until it writes, then
/// has a copy of its own; an XNU copy is the data as it was, and later writes stay on their side.
/// The XNU view's own object is a delayed copy of the original's after mach_vm_remap with copy =
/// TRUE, and a shadow of the copied object after mach_vm_map of a MAP_MEM_VM_COPY entry.
/// <para>Of the XNU region facts the source settles only the view's: it maps an object of its own
/// from the start and its region is SM_COW before either side writes. It does not settle the
/// original's share mode (SM_TRUESHARED after mach_vm_remap, which makes the original's object
/// true_share; SM_COW beside a MAP_MEM_VM_COPY entry, whose copy-in marks it needs_copy, but the
/// reported mode also hangs on reference counts), any ref_count (paging references, the memory
/// entry's lifetime, vm_object_collapse's bypass), nor the share modes after a write (a collapse
/// can end a shadow chain, and an object alone with one reference is SM_PRIVATE): those are left
/// to the approved snapshot.</para>
/// </summary>
public static class CopiedViewClaims
{
    public static readonly Claim LinuxPrivateFileView = new(Kernel.Linux,
        "a MAP_PRIVATE view of a memfd reads the file's pages, the shared original's writes included, until it writes; its write makes a copy of its own, which the original never sees",
        KernelSource.Linux(LinuxFunctions.DoWpPage, LinuxFunctions.WpPageCopy.Because("a write to a file page in a private mapping copies it into an anonymous page")));

    public static readonly Claim LinuxCopiedOnWrite = new(Kernel.Linux,
        "before its write the private view maps the file's frames, each mapped twice; after it, the view's frames are its own, each mapped once and exclusive, and the original's are mapped once",
        KernelSource.Linux(LinuxFunctions.WpPageCopy, LinuxFunctions.PteToPagemapEntry));

    public static readonly Claim XnuCopyStays = new(Kernel.Xnu,
        "mach_vm_remap with copy = TRUE, and a MAP_MEM_VM_COPY memory entry mapped with mach_vm_map, give a copy: the view reads the fill, and after the copy neither side sees the other's writes",
        KernelSource.Xnu(XnuFunctions.VmMapRemap, XnuFunctions.VmMapRemapExtract.Because("copy TRUE: the new entry is `needs_copy`, its object copied with vm_object_copy_quickly (copy-on-write)"), XnuFunctions.MachMakeMemoryEntryInternal.Because("MAP_MEM_VM_COPY makes the entry from vm_map_copyin_internal's copy of the range"), XnuFunctions.VmMapEnterMemObject));

    public static readonly Claim XnuCopyHasItsOwnObject = new(Kernel.Xnu,
        "the copied view never maps the original's object: it maps a copy-on-write object of its own (SM_COW) before either side writes, and another object than the original's after each write",
        KernelSource.Xnu(
            XnuFunctions.VmMapRemapExtract.Because("the original's symmetric object is switched to COPY_DELAY (and true_share) before the copy, so vm_object_copy_quickly declines and vm_object_copy_strategically makes the copy; the new entry needs_copy"),
            XnuFunctions.VmObjectCopyStrategically.Because("COPY_DELAY: the view gets vm_object_copy_delayed's new copy object with dst_needs_copy TRUE"),
            XnuFunctions.VmObjectCopyDelayed.Because("the new copy object shadows the original's object; it declines only where a page is wired"),
            XnuFunctions.MachMakeMemoryEntryInternal.Because("MAP_MEM_VM_COPY: the entry holds vm_map_copyin_internal's copy, whose entry maps the original's symmetric object needs_copy"),
            XnuFunctions.VmMapEnterMemObject.Because("mapping a copy entry whose object is still COPY_SYMMETRIC first shadows it (\"resolve our side of this symmetric copy-on-write\") and maps the new object (at 10002 in vm_map_enter_mem_object_helper)"),
            XnuFunctions.VmMapLookupAndLockObject.Because("a write through a needs_copy entry gives that entry a new shadow object; a side's write never hands it the other side's object"),
            XnuFunctions.VmMapRegionWalk.Because("share_mode is SM_COW when the entry needs_copy or its object has a shadow")));

    public static ClaimVerdict PrivateFileView(SecondViewRun run)
    {
        var content = run.Content;
        return new ClaimVerdict(LinuxPrivateFileView)
            .Made(run)
            .OriginalWrote(run)
            .Reads(content.ViewReadsFill, "the view", "the original's fill")
            .Reads(content.ViewSeesOriginalWrite, "the view, before writing,", "the original's write")
            .Reads(content.ViewReadsBack, "the view", "its own write read back")
            .DoesNotRead(content.OriginalSeesViewWrite, "the original", "the view's write")
            .Reads(content.OriginalKeepsOwn, "the original", "its own write still");
    }

    public static ClaimVerdict CopiedOnWrite(SecondViewRun run)
    {
        var verdict = new ClaimVerdict(LinuxCopiedOnWrite).Made(run);
        if (verdict.Frames(run, AfterOriginalWrite, view: false) is { } before && verdict.Frames(run, AfterOriginalWrite, view: true) is { } viewBefore)
        {
            verdict.Expect(before.Select(p => p.Pfn).SequenceEqual(viewBefore.Select(p => p.Pfn)), $"{AfterOriginalWrite}: the view maps other frames than the file's before writing");
            verdict.Expect(viewBefore.All(p => p.MapCount == 2), $"{AfterOriginalWrite}: the view's map counts are {string.Join(", ", viewBefore.Select(p => p.MapCount))}, not 2");
        }

        if (verdict.Frames(run, AfterViewWrite, view: false) is { } after && verdict.Frames(run, AfterViewWrite, view: true) is { } viewAfter)
        {
            verdict.Expect(!after.Select(p => p.Pfn).Intersect(viewAfter.Select(p => p.Pfn)).Any(), $"{AfterViewWrite}: the view still maps a frame of the original");
            verdict.Expect(viewAfter.All(p => p.MapCount == 1 && p.Exclusive), $"{AfterViewWrite}: the view's frames are not each mapped once and exclusive");
            verdict.Expect(after.All(p => p.MapCount == 1), $"{AfterViewWrite}: the original's map counts are {string.Join(", ", after.Select(p => p.MapCount))}, not 1");
        }

        return verdict;
    }

    public static ClaimVerdict CopyStays(SecondViewRun run)
    {
        var content = run.Content;
        return new ClaimVerdict(XnuCopyStays)
            .Made(run)
            .OriginalWrote(run)
            .Reads(content.ViewReadsFill, "the view", "the original's fill")
            .DoesNotRead(content.ViewSeesOriginalWrite, "the view", "the original's later write")
            .Reads(content.ViewKeepsFill, "the view", "the fill as it was at the copy")
            .Reads(content.ViewReadsBack, "the view", "its own write read back")
            .DoesNotRead(content.OriginalSeesViewWrite, "the original", "the view's write")
            .Reads(content.OriginalKeepsOwn, "the original", "its own write still");
    }

    /// <summary>Judges each step's regions: the view's object is never the original's, and the view is SM_COW before any write.</summary>
    public static ClaimVerdict OwnObject(SecondViewRun run)
    {
        var verdict = new ClaimVerdict(XnuCopyHasItsOwnObject).Made(run);
        foreach (var name in InOrder)
        {
            var step = run.Steps.SingleOrDefault(s => s.Step == name);
            var original = step?.Original?.Region;
            var view = step?.View?.Region;
            if (original is null || view is null)
            {
                verdict.Expect(false, $"{name}: the {(original is null ? "original" : "view")} has no region");
                continue;
            }

            verdict.Expect(view.EntryObject != original.EntryObject, $"{name}: the view maps the original's object 0x{original.EntryObject:x}");
            if (name == AfterView)
            {
                verdict.Expect(view.Mode == XnuShareMode.SM_COW, $"{name}: the view's region is {view.Mode}, not SM_COW");
            }
        }

        return verdict;
    }
}

/// <summary>Second views the kernel refuses to make, with the code the source returns.</summary>
public static class RefusedViewClaims
{
    public static readonly Claim LinuxPrivateMremapRefused = new(Kernel.Linux,
        "mremap with old_size 0 of a private anonymous mapping is refused with EINVAL (there is no object to map twice), and the original is left as it was",
        KernelSource.Linux(LinuxFunctions.CheckPrepVma.Because("old_size 0 of a mapping neither VM_SHARED nor VM_MAYSHARE: -EINVAL")));

    public static readonly Claim XnuReadOnlyEntryRefused = new(Kernel.Xnu,
        "mapping a read-only memory entry with write asked is refused with KERN_INVALID_RIGHT, and the original is left as it was",
        KernelSource.Xnu(
            XnuFunctions.VmMapEnterMemObjectHelper.Because("a named entry whose protection lacks the asked cur_protection: KERN_INVALID_RIGHT").OnlyAt(XnuTags.Xnu10002),
            XnuFunctions.VmMapEnterMemObject.Because("the same check, in the function itself since the helper was folded in").OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417)));

    /// <summary>KERN_INVALID_RIGHT in mach/kern_return.h.</summary>
    public const int KernInvalidRight = 17;

    public static ClaimVerdict Refused(SecondViewRun run)
    {
        var xnu = run.Kernel == Kernel.Xnu;
        var last = run.Calls.LastOrDefault();
        var verdict = new ClaimVerdict(xnu ? XnuReadOnlyEntryRefused : LinuxPrivateMremapRefused)
            .Expect(last is { Done: false }, "the view was made")
            .Expect(xnu ? last?.KernReturn == KernInvalidRight : last?.Error == "EINVAL", $"the refusal is {last?.Error} ({last?.KernReturn}), not {(xnu ? "KERN_INVALID_RIGHT" : "EINVAL")}")
            .Expect(run.Writes.View.Tried == false, "a view that was not made was written");
        return verdict
            .Reads(run.Content.OriginalReadsBack, "the original", "its own write read back")
            .Reads(run.Content.OriginalKeepsOwn, "the original", "its own write at the end");
    }
}

/// <summary>
/// A write through /proc/self/mem into a read-only MAP_PRIVATE file mapping: DirtyCOW's end state.
/// Whether the kernel forces the write is its proc_mem.force_override setting; either way the
/// file is never changed.
/// </summary>
public static class ForcedWriteClaims
{
    public static readonly Claim FileNeverChanged = new(Kernel.Linux,
        "a write through /proc/self/mem into a read-only MAP_PRIVATE file mapping never reaches the file: it lands in a private copy or is refused with EIO",
        KernelSource.Linux(LinuxFunctions.ProcMemFollForce.Because("proc_mem.force_override decides whether the write is made with FOLL_FORCE"), LinuxFunctions.CheckVmaFlags.Because("a forced write to a mapping without VM_WRITE is allowed only for a copy-on-write mapping"), LinuxFunctions.WpPageCopy.Because("the write breaks copy-on-write into an anonymous page"), LinuxFunctions.MemRw.Because("nothing written: -EIO")));

    public static readonly Claim ForcedWriteCopies = new(Kernel.Linux,
        "where the forced write lands, the mapping's pages are then anonymous frames of its own, each mapped once and exclusive",
        KernelSource.Linux(LinuxFunctions.WpPageCopy, LinuxFunctions.PteToPagemapEntry));

    public static ClaimVerdict FileUnchanged(SecondViewRun run)
    {
        var content = run.Content;
        var write = run.Writes.View;
        var verdict = new ClaimVerdict(FileNeverChanged)
            .Made(run)
            .OriginalWrote(run)
            .Reads(content.ViewSeesOriginalWrite, "the mapping, before the forced write,", "the file's data")
            .Expect(write.Tried, "the forced write was not tried")
            .Expect(write.Done || write.Error == "EIO", $"the forced write was refused with {write.Error}, not EIO")
            .DoesNotRead(content.OriginalSeesViewWrite, "pread of the file", "the forced write")
            .Reads(content.OriginalKeepsOwn, "pread of the file", "the file's own data");
        return write.Done
            ? verdict.Reads(content.ViewReadsBack, "the mapping", "the forced write")
            : verdict.DoesNotRead(content.ViewReadsBack, "the mapping", "the refused write");
    }

    public static ClaimVerdict Copies(SecondViewRun run)
    {
        var verdict = new ClaimVerdict(ForcedWriteCopies);
        if (!run.Writes.View.Done)
        {
            return verdict.CannotTell($"the forced write was refused ({run.Writes.View.Error}) by this kernel's proc_mem.force_override: no copy was made");
        }

        if (verdict.Frames(run, AfterOriginalWrite, view: true) is { } before && verdict.Frames(run, AfterViewWrite, view: true) is { } after)
        {
            verdict.Expect(!before.Select(p => p.Pfn).Intersect(after.Select(p => p.Pfn)).Any(), $"{AfterViewWrite}: the mapping still maps a frame of the file");
            verdict.Expect(after.All(p => p.MapCount == 1 && p.Exclusive), $"{AfterViewWrite}: the mapping's frames are not each mapped once and exclusive");
        }

        return verdict;
    }
}

/// <summary>The checks the claims share.</summary>
static class ViewChecks
{
    public static ClaimVerdict Made(this ClaimVerdict verdict, SecondViewRun run) =>
        verdict.Expect(run.ViewMade, $"the view was not made: {string.Join("; ", run.Calls.Select(c => $"{c.Call}: {(c.Done ? "done" : c.Error)}"))}");

    public static ClaimVerdict Reads(this ClaimVerdict verdict, ContentCheck? check, string who, string what) =>
        verdict.Expect(check is { Holds: true }, check is null ? $"{who} was not checked for {what}" : $"{who} does not read {what}: {check.Mismatch}");

    public static ClaimVerdict DoesNotRead(this ClaimVerdict verdict, ContentCheck? check, string who, string what) =>
        verdict.Expect(check is { Holds: false }, check is null ? $"{who} was not checked for {what}" : $"{who} reads {what}");

    /// <summary>Each writer read its own write back: a claim that the other side never sees a write is empty otherwise.</summary>
    public static ClaimVerdict OriginalWrote(this ClaimVerdict verdict, SecondViewRun run) =>
        verdict.Reads(run.Content.OriginalReadsBack, "the original", "its own write read back");

    /// <summary>The Linux pages of a side at a step, or null with the claim left unverified where frames are unknown.</summary>
    public static IReadOnlyList<LinuxPage>? Frames(this ClaimVerdict verdict, SecondViewRun run, string step, bool view)
    {
        if (!run.FramesKnown)
        {
            var why = Requires.Frames(run.Frames);
            if (!verdict.Unverified.Contains(why))
            {
                verdict.CannotTell(why);
            }

            return null;
        }

        var side = view ? run.Step(step).View : run.Step(step).Original;
        verdict.Expect(side?.PageStates is not null, $"{step}: the {(view ? "view" : "original")} has no page facts");
        return side?.PageStates;
    }
}

// The one table of cases.

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

// The specs: theories over the table of cases.

/// <summary>
/// The same memory can be mapped a second time, and whether a write through one view shows in
/// the other decides whether a check made on one can be undone through the other
/// (time-of-check/time-of-use). The original is filled, a second view made; the original is
/// written and the view read; the view is written and the original read:
/// <code>
/// oolprobe second-view --view memfd-shared --pages 2            Linux  memfd_create, mmap(MAP_SHARED, memfd) twice
/// oolprobe second-view --view proc-mem-private-file --pages 2   Linux  mmap(PROT_READ, MAP_PRIVATE, memfd), pwrite(/proc/self/mem)
/// oolprobe second-view --view remap-copy --pages 2              XNU    mach_vm_allocate(VM_FLAGS_ANYWHERE), mach_vm_remap(copy = TRUE)
/// </code>
/// (every way, its calls and claims: <see cref="ViewCases"/>). A shared view is one memory; a
/// copy keeps its writes to itself; some views are refused; a forced write through
/// /proc/self/mem never reaches the file behind a private mapping (DirtyCOW's end state).
/// <para>Each spec is a theory over the rows of the claims it names; a row of the other kernel
/// is skipped naming the kernel it needs. On Linux every Linux row runs for real, as root and
/// once more without CAP_SYS_ADMIN; the XNU claims cite the XNU source they follow, and wait for
/// a Mac to be observed.</para>
/// </summary>
public sealed class SecondMappingSpec
{
    static Claim[] WritesCross => [SharedViewClaims.LinuxWritesCross, SharedViewClaims.XnuWritesCross];
    static Claim[] Refused => [RefusedViewClaims.LinuxPrivateMremapRefused, RefusedViewClaims.XnuReadOnlyEntryRefused];

    /// <summary>The Linux claims about frame numbers and map counts, which a run without them must leave unverified.</summary>
    static Claim[] AboutFrames => [SharedViewClaims.LinuxSameFrames, CopiedViewClaims.LinuxCopiedOnWrite, ForcedWriteClaims.ForcedWriteCopies];

    public static TheoryData<string> WritesCrossRows => ViewCases.All.Under(WritesCross);

    public static TheoryData<string> SameFramesRows => ViewCases.All.Under(SharedViewClaims.LinuxSameFrames);

    public static TheoryData<string> PrivateFileRows => ViewCases.All.Under(CopiedViewClaims.LinuxPrivateFileView);

    public static TheoryData<string> CopiedOnWriteRows => ViewCases.All.Under(CopiedViewClaims.LinuxCopiedOnWrite);

    public static TheoryData<string> CopyStaysRows => ViewCases.All.Under(CopiedViewClaims.XnuCopyStays);

    public static TheoryData<string> OwnObjectRows => ViewCases.All.Under(CopiedViewClaims.XnuCopyHasItsOwnObject);

    public static TheoryData<string> RefusedRows => ViewCases.All.Under(Refused);

    public static TheoryData<string> FileNeverChangedRows => ViewCases.All.Under(ForcedWriteClaims.FileNeverChanged);

    public static TheoryData<string> ForcedWriteCopiesRows => ViewCases.All.Under(ForcedWriteClaims.ForcedWriteCopies);

    public static TheoryData<string> EveryRow => ViewCases.All.Matching(_ => true);

    public static TheoryData<string> LinuxRows => ViewCases.All.Matching(row => row.Kernel == Kernel.Linux);

    [SkippableTheory]
    [MemberData(nameof(WritesCrossRows))]
    public void A_shared_second_view_and_the_original_see_each_others_writes(string row) =>
        ClaimAssert.Holds(Row(row).Judged(WritesCross));

    [SkippableTheory]
    [MemberData(nameof(SameFramesRows))]
    public void A_shared_second_view_maps_the_originals_frames(string row) =>
        ClaimAssert.Holds(Row(row).Judged(SharedViewClaims.LinuxSameFrames));

    [SkippableTheory]
    [MemberData(nameof(PrivateFileRows))]
    public void A_private_view_of_a_file_reads_the_file_until_it_writes_and_its_write_never_reaches_the_file(string row) =>
        ClaimAssert.Holds(Row(row).Judged(CopiedViewClaims.LinuxPrivateFileView));

    [SkippableTheory]
    [MemberData(nameof(CopiedOnWriteRows))]
    public void A_private_view_of_a_file_shares_its_frames_until_it_writes(string row) =>
        ClaimAssert.Holds(Row(row).Judged(CopiedViewClaims.LinuxCopiedOnWrite));

    [SkippableTheory]
    [MemberData(nameof(CopyStaysRows))]
    public void A_copied_view_reads_the_data_of_the_copy_and_neither_side_sees_later_writes(string row) =>
        ClaimAssert.Holds(Row(row).Judged(CopiedViewClaims.XnuCopyStays));

    [SkippableTheory]
    [MemberData(nameof(OwnObjectRows))]
    public void A_copied_view_maps_a_copy_on_write_object_of_its_own_never_the_originals(string row) =>
        ClaimAssert.Holds(Row(row).Judged(CopiedViewClaims.XnuCopyHasItsOwnObject));

    [SkippableTheory]
    [MemberData(nameof(RefusedRows))]
    public void A_refused_view_is_refused_with_the_code_the_source_returns(string row) =>
        ClaimAssert.Holds(Row(row).Judged(Refused));

    [SkippableTheory]
    [MemberData(nameof(FileNeverChangedRows))]
    public void A_forced_write_into_a_read_only_private_file_mapping_never_reaches_the_file(string row) =>
        ClaimAssert.Holds(Row(row).Judged(ForcedWriteClaims.FileNeverChanged));

    [SkippableTheory]
    [MemberData(nameof(ForcedWriteCopiesRows))]
    public void A_forced_write_that_lands_lands_in_frames_of_the_mappings_own(string row) =>
        ClaimAssert.Holds(Row(row).Judged(ForcedWriteClaims.ForcedWriteCopies));

    [SkippableTheory]
    [MemberData(nameof(EveryRow))]
    public void The_whole_run_matches_the_approved_snapshot(string row) => Snapshot.Matches(Row(row).OnThisKernel());

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown_and_every_other_fact_is_still_judged(string row)
    {
        var viewCase = Row(row);
        var run = viewCase.Run(withoutCapSysAdmin: true);

        WithoutFrames.ReportedUnknown(run, run.Steps.SelectMany(s => new[] { s.Original, s.View }).Where(side => side is not null).SelectMany(side => side!.PageStates!));
        var asRootRun = viewCase.Run();
        foreach (var (verdict, asRoot) in viewCase.JudgeAll(run).Zip(viewCase.JudgeAll(asRootRun)))
        {
            var otherwiseUnknown = asRoot.Unverified.Where(reason => reason != Requires.Frames(asRootRun.Frames)).ToList();
            verdict.Violations.Should().BeEmpty("what needs no frame numbers is still checked: {0}", verdict.Claim);
            verdict.Unverified.Where(reason => reason != Requires.Frames(run.Frames))
                .Should().BeEquivalentTo(otherwiseUnknown, "only frame numbers and map counts are missing: {0}", verdict.Claim);
            if (AboutFrames.Contains(verdict.Claim) && otherwiseUnknown.Count == 0)
            {
                verdict.Unverified.Should().Contain(Requires.Frames(run.Frames), "a claim about frames is left unverified without them, never passed: {0}", verdict.Claim);
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void The_run_without_frames_matches_its_approved_snapshot(string row) =>
        Snapshot.Matches(Row(row).OnThisKernel(withoutCapSysAdmin: true));

    static ViewCase Row(string description) => ViewCases.All.Described(description);
}

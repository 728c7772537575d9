using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Scenarios.SecondViewSteps;

namespace OolSpecs.Specs.SecondMapping;

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

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.SecondViewSteps;

namespace OolSpecs.Specs.SecondMapping;

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

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.SecondViewSteps;

namespace OolSpecs.Specs.SecondMapping;

/// <summary>
/// Views that are copies: a private view of a file reads the file's pages until it writes, then
/// has a copy of its own; an XNU copy is the data as it was, and later writes stay on their side.
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
}

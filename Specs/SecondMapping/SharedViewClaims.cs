using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.SecondViewSteps;

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

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.ForkInheritSteps;

namespace OolSpecs.Specs.ForkInheritance;

/// <summary>
/// A mapping the child shares with its parent (Linux MAP_SHARED|MAP_ANONYMOUS, XNU
/// VM_INHERIT_SHARE): one memory, so each side sees the other's writes.
/// </summary>
public static class SharedClaims
{
    public static readonly Claim LinuxWritesCross = new(Kernel.Linux,
        "with a MAP_SHARED|MAP_ANONYMOUS mapping each side sees the other's writes: the child reads the parent's data at the fork and its later write, and the parent reads the child's write",
        KernelSource.Linux(LinuxFunctions.ShmemZeroSetup.Because("the mapping is one shmem object"), LinuxFunctions.DupMmap.Because("the child's VMA maps the same object")));

    public static readonly Claim LinuxSameFrames = new(Kernel.Linux,
        "both sides map the frames the parent filled: once the child has touched them, every page is the parent's frame, mapped twice",
        KernelSource.Linux(LinuxFunctions.ShmemFault, LinuxFunctions.ShmemGetFolio.Because("each page of the object is one folio, which both processes find"), LinuxFunctions.PteToPagemapEntry));

    public static readonly Claim LinuxNoPageTablesCopied = new(Kernel.Linux,
        "fork copies no page tables for a shared mapping: at the fork none of its pages is present in the child, which faults them in when it touches them",
        KernelSource.Linux(LinuxFunctions.DupMmap, LinuxFunctions.CopyPageRange, LinuxFunctions.VmaNeedsCopy.Because("a VMA without an anon_vma is left to faults")));

    public static readonly Claim XnuWritesCross = new(Kernel.Xnu,
        "with VM_INHERIT_SHARE each side sees the other's writes: the child reads the parent's data at the fork and its later write, and the parent reads the child's write",
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("VM_INHERIT_SHARE"), XnuFunctions.VmMapForkShare.Because("the child's entry references the parent's VM object")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static readonly Claim XnuSameObject = new(Kernel.Xnu,
        "from the fork on both tasks map the VM object the parent filled, SM_SHARED with two references, at every step",
        KernelSource.Xnu(XnuFunctions.VmMapForkShare.Because("both entries reference the object and are marked `is_shared`; an object the parent's own fault made needs no shadow"), XnuFunctions.VmMapRegionWalk.Because("SM_SHARED: two references, no shadow")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static ClaimVerdict WritesCross(ForkInheritRun run)
    {
        var content = run.Content;
        return new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuWritesCross : LinuxWritesCross)
            .ParentWrote(run)
            .ChildWrote(run)
            .Reads(run, content.ChildAtFork.Parent, $"{ChildAfterFork}: the child", "the parent's data")
            .DoesNotRead(run, content.ChildAtFork.Zeros, $"{ChildAfterFork}: the child", "zeros")
            .Reads(run, content.ChildAfterParentWrite.ParentAgain, $"{ParentAfterWrite}: the child", "the parent's later write")
            .DoesNotRead(run, content.ChildAfterParentWrite.AsAtFork, $"{ParentAfterWrite}: the child", "the data as it was at the fork")
            .Reads(run, content.ParentAfterChildWrite.Child, $"{ChildAfterWrite}: the parent", "the child's write")
            .DoesNotRead(run, content.ParentAfterChildWrite.ParentAgain, $"{ChildAfterWrite}: the parent", "its own last write");
    }

    /// <summary>Linux: the same frames; XNU: the same VM object.</summary>
    public static ClaimVerdict SameMemory(ForkInheritRun run) => run.Kernel == Kernel.Xnu ? SameObject(run) : SameFrames(run);

    static ClaimVerdict SameFrames(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(LinuxSameFrames);
        foreach (var step in new[] { ParentAfterWrite, ChildAfterWrite, ParentAfterChildWrite })
        {
            verdict.Present(run, step, true).SameFrames(run, step, ParentAfterFill, same: true).MapCount(run, step, 2);
        }

        return verdict;
    }

    public static ClaimVerdict NoPageTablesCopied(ForkInheritRun run) =>
        new ClaimVerdict(LinuxNoPageTablesCopied).Maps(run, ChildAfterFork, true).Present(run, ChildAfterFork, false);

    static ClaimVerdict SameObject(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(XnuSameObject);
        var filled = verdict.Region(run, ParentAfterFill);
        foreach (var step in new[] { ChildAfterFork, ParentAfterWrite, ChildAfterWrite, ParentAfterChildWrite })
        {
            if (verdict.Region(run, step) is not { } region)
            {
                continue;
            }

            verdict
                .Expect(region.Mode == XnuShareMode.SM_SHARED, $"{step}: share_mode is {region.Mode}, not SM_SHARED")
                .Expect(region.RefCount == 2, $"{step}: ref_count is {region.RefCount}, not 2")
                .Expect(filled is not null && region.EntryObject == filled.EntryObject, $"{step}: the {run.Step(step).Actor} maps another VM object than the one the parent filled");
        }

        return verdict;
    }
}

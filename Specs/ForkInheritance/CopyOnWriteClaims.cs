using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.ForkInheritSteps;

namespace OolSpecs.Specs.ForkInheritance;

/// <summary>
/// A mapping the child gets a copy of (Linux MAP_PRIVATE, XNU VM_INHERIT_COPY and vm_allocate's
/// default): the data as it was at the fork, shared copy-on-write until a side writes; after
/// that each side's writes stay on its side.
/// </summary>
public static class CopyOnWriteClaims
{
    public static readonly Claim LinuxWritesStay = new(Kernel.Linux,
        "with a MAP_PRIVATE mapping the child reads the parent's data as it was at the fork, and after the fork neither side sees the other's writes",
        KernelSource.Linux(LinuxFunctions.DupMmap, LinuxFunctions.AnonVmaFork, LinuxFunctions.CopyPageRange, LinuxFunctions.CopyPresentPte.Because("the pages are write-protected in both"), LinuxFunctions.DoWpPage, LinuxFunctions.WpPageCopy.Because("a write to a page mapped twice copies it")));

    public static readonly Claim LinuxSharedUntilWritten = new(Kernel.Linux,
        "at the fork the child maps the parent's very frames, each mapped twice and so not exclusive; once both sides have written, their frames are distinct, each mapped once",
        KernelSource.Linux(LinuxFunctions.CopyPageRange, LinuxFunctions.VmaNeedsCopy.Because("a VMA with an anon_vma has its page tables copied"), LinuxFunctions.CopyPresentPte, LinuxFunctions.WpPageCopy, LinuxFunctions.PteToPagemapEntry));

    public static readonly Claim XnuWritesStay = new(Kernel.Xnu,
        "with VM_INHERIT_COPY the child reads the parent's data as it was at the fork, and after the fork neither side sees the other's writes",
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("VM_INHERIT_COPY"), XnuFunctions.VmObjectCopyQuickly.Because("both entries `needs_copy`, the parent's pages write-protected"), XnuFunctions.VmMapLookupAndLockObject.Because("a write through `needs_copy` makes a shadow object of the writer's own"), XnuFunctions.VmFaultInternal.Because("its fast path copies the page into it")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static readonly Claim XnuCopyOnWrite = new(Kernel.Xnu,
        "at the fork the child's region is copy-on-write on the VM object the parent filled, SM_COW with two references; once both sides have written, each maps a VM object of its own",
        KernelSource.Xnu(XnuFunctions.VmMapFork, XnuFunctions.VmObjectCopyQuickly.Because("the child's entry references the parent's object, both `needs_copy`"), XnuFunctions.VmMapLookupAndLockObject.Because("a write through `needs_copy` gives the writer a shadow"), XnuFunctions.VmObjectShadow, XnuFunctions.VmMapRegionWalk).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static readonly Claim XnuDefaultIsCopy = new(Kernel.Xnu,
        "vm_allocate'd memory is inherited as a copy unless told otherwise: its region's inheritance is VM_INHERIT_COPY",
        KernelSource.Xnu(XnuFunctions.MachVmAllocateKernel.Because("enters the range with VM_INHERIT_DEFAULT"), XnuFunctions.VmInheritDefault.Because("VM_INHERIT_COPY")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    /// <summary>VM_INHERIT_COPY in mach/vm_inherit.h.</summary>
    public const int VmInheritCopy = 1;

    public static ClaimVerdict WritesStay(ForkInheritRun run)
    {
        var content = run.Content;
        return new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuWritesStay : LinuxWritesStay)
            .ParentWrote(run)
            .ChildWrote(run)
            .Reads(run, content.ChildAtFork.Parent, $"{ChildAfterFork}: the child", "the parent's data")
            .DoesNotRead(run, content.ChildAfterParentWrite.ParentAgain, $"{ParentAfterWrite}: the child", "the parent's later write")
            .Reads(run, content.ChildAfterParentWrite.AsAtFork, $"{ParentAfterWrite}: the child", "the data as it was at the fork")
            .DoesNotRead(run, content.ParentAfterChildWrite.Child, $"{ChildAfterWrite}: the parent", "the child's write")
            .ParentKeepsItsData(run);
    }

    /// <summary>
    /// Linux: the parent's frames until written; XNU: the parent's VM object until written. "Once
    /// both sides have written" needs both writes to have happened: each writer read its back.
    /// </summary>
    public static ClaimVerdict SharedUntilWritten(ForkInheritRun run) =>
        (run.Kernel == Kernel.Xnu ? ObjectUntilWritten(run) : FramesUntilWritten(run)).ParentWrote(run).ChildWrote(run);

    static ClaimVerdict FramesUntilWritten(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(LinuxSharedUntilWritten)
            .Present(run, ChildAfterFork, true)
            .Exclusive(run, ChildAfterFork, false)
            .SameFrames(run, ChildAfterFork, ParentAfterFill, same: true)
            .MapCount(run, ChildAfterFork, 2);
        foreach (var step in new[] { ChildAfterWrite, ParentAfterChildWrite })
        {
            verdict.Present(run, step, true).Exclusive(run, step, true).MapCount(run, step, 1);
        }

        return verdict.SameFrames(run, ParentAfterChildWrite, ChildAfterWrite, same: false);
    }

    static ClaimVerdict ObjectUntilWritten(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(XnuCopyOnWrite);
        var filled = verdict.Region(run, ParentAfterFill);
        if (verdict.Region(run, ChildAfterFork) is { } atFork)
        {
            verdict
                .Expect(atFork.Mode == XnuShareMode.SM_COW, $"{ChildAfterFork}: share_mode is {atFork.Mode}, not SM_COW")
                .Expect(atFork.RefCount == 2, $"{ChildAfterFork}: ref_count is {atFork.RefCount}, not 2")
                .Expect(filled is not null && atFork.EntryObject == filled.EntryObject, $"{ChildAfterFork}: the child maps another VM object than the one the parent filled");
        }

        if (verdict.Region(run, ChildAfterWrite) is { } child && verdict.Region(run, ParentAfterChildWrite) is { } parent)
        {
            verdict.Expect(child.EntryObject != parent.EntryObject, $"{ChildAfterWrite} and {ParentAfterChildWrite}: both sides still map one VM object after both wrote");
        }

        return verdict;
    }

    public static ClaimVerdict DefaultIsCopy(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(XnuDefaultIsCopy);
        return verdict.Region(run, ParentAfterFill) is { } region
            ? verdict.Expect(region.Inheritance == VmInheritCopy, $"{ParentAfterFill}: the region's inheritance is {region.Inheritance}, not VM_INHERIT_COPY ({VmInheritCopy})")
            : verdict;
    }
}

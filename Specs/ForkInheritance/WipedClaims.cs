using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.ForkInheritSteps;

namespace OolSpecs.Specs.ForkInheritance;

/// <summary>
/// A mapping the child gets wiped (Linux MADV_WIPEONFORK; XNU has no such inheritance:
/// mach/vm_inherit.h knows share, copy, none and donate_copy): the range is there, zero-filled,
/// which is how a random number generator's state is kept from being repeated in a child.
/// </summary>
public static class WipedClaims
{
    public static readonly Claim ChildSeesZeros = new(Kernel.Linux,
        "a MADV_WIPEONFORK mapping is in the child but wiped: mapped with no page present, it reads zeros, before and after the parent writes again",
        KernelSource.Linux(LinuxFunctions.MadviseVmaBehavior.Because("MADV_WIPEONFORK sets VM_WIPEONFORK"), LinuxFunctions.DupMmap.Because("such a VMA gets no anon_vma and no `copy_page_range`"), LinuxFunctions.DoAnonymousPage.Because("a first touch is zero-filled")));

    public static readonly Claim ChildWritesStayInChild = new(Kernel.Linux,
        "the child's writes to a MADV_WIPEONFORK mapping go to new frames of its own, each mapped once, and never reach the parent, whose data stays its own",
        KernelSource.Linux(LinuxFunctions.DoAnonymousPage.Because("a new folio for the child's VMA, which shares no anon_vma with the parent's"), LinuxFunctions.PteToPagemapEntry));

    public static ClaimVerdict SeesZeros(ForkInheritRun run)
    {
        var content = run.Content;
        return new ClaimVerdict(ChildSeesZeros)
            .ParentWrote(run)
            .Maps(run, ChildAfterFork, true)
            .Present(run, ChildAfterFork, false)
            .Reads(run, content.ChildAtFork.Zeros, $"{ChildAfterFork}: the child", "zeros")
            .DoesNotRead(run, content.ChildAtFork.Parent, $"{ChildAfterFork}: the child", "the parent's data")
            .DoesNotRead(run, content.ChildAfterParentWrite.ParentAgain, $"{ParentAfterWrite}: the child", "the parent's later write")
            .Reads(run, content.ChildAfterParentWrite.AsAtFork, $"{ParentAfterWrite}: the child", "zeros still");
    }

    public static ClaimVerdict WritesStayInChild(ForkInheritRun run) =>
        new ClaimVerdict(ChildWritesStayInChild)
            .ChildWrote(run)
            .DoesNotRead(run, run.Content.ParentAfterChildWrite.Child, $"{ChildAfterWrite}: the parent", "the child's write")
            .ParentKeepsItsData(run)
            .Present(run, ChildAfterWrite, true)
            .Exclusive(run, ChildAfterWrite, true)
            .MapCount(run, ChildAfterWrite, 1)
            .SameFrames(run, ChildAfterWrite, ParentAfterChildWrite, same: false);
}

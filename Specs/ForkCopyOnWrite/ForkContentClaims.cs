using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// What parent and child read back across the fork: copy-on-write is about data. Each sentence
/// is written once and claimed of each kernel with the source that decides it there.
/// </summary>
public static class ForkContentClaims
{
    const string ChildReads = "the child reads the parent's data as it was at the fork";
    const string ParentNeverReads = "the parent never reads what the child writes";
    const string ChildNeverReads = "the child never reads what the parent writes after the fork";

    public static readonly Claim LinuxChildReadsParentData = new(Kernel.Linux, ChildReads,
        KernelSource.Linux(LinuxFunctions.DupMmap, LinuxFunctions.CopyPresentPte.Because("the child maps the parent's pages")));
    public static readonly Claim LinuxParentNeverReadsChildWrite = new(Kernel.Linux, ParentNeverReads,
        KernelSource.Linux(LinuxFunctions.CopyPresentPte.Because("both mappings write-protected"), LinuxFunctions.DoWpPage, LinuxFunctions.WpPageCopy.Because("the writer gets its own copy")));
    public static readonly Claim LinuxChildNeverReadsParentWrite = new(Kernel.Linux, ChildNeverReads,
        KernelSource.Linux(LinuxFunctions.DoWpPage.Because("a shared page is copied for its writer; a reused one is no longer mapped by the child")));

    public static readonly Claim XnuChildReadsParentData = new(Kernel.Xnu, ChildReads,
        KernelSource.Xnu(XnuFunctions.VmMapFork, XnuFunctions.VmObjectCopyQuickly.Because("the child's entry shares the parent's object")));
    public static readonly Claim XnuParentNeverReadsChildWrite = new(Kernel.Xnu, ParentNeverReads,
        KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("a write through a `needs_copy` entry makes the writer a shadow object"), XnuFunctions.VmFaultInternal.Because("its fast path copies the page into that shadow")));
    public static readonly Claim XnuChildNeverReadsParentWrite = new(Kernel.Xnu, ChildNeverReads,
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("the parent's entry is `needs_copy` too"), XnuFunctions.VmMapLookupAndLockObject, XnuFunctions.VmFaultInternal));

    public static ClaimVerdict ChildReadsParentData(ForkCowRun run) =>
        Holds(run.Kernel == Kernel.Xnu ? XnuChildReadsParentData : LinuxChildReadsParentData, run.Content.ChildReadsParentData, "the child");

    public static ClaimVerdict ParentNeverReadsChildWrite(ForkCowRun run) =>
        Holds(run.Kernel == Kernel.Xnu ? XnuParentNeverReadsChildWrite : LinuxParentNeverReadsChildWrite, run.Content.ParentNeverReadsChildWrite, "the parent");

    public static ClaimVerdict ChildNeverReadsParentWrite(ForkCowRun run) =>
        Holds(run.Kernel == Kernel.Xnu ? XnuChildNeverReadsParentWrite : LinuxChildNeverReadsParentWrite, run.Content.ChildNeverReadsParentWrite, "the child");

    static ClaimVerdict Holds(Claim claim, ContentCheck check, string who) => new ClaimVerdict(claim).ReadsAsClaimed(check, who);
}

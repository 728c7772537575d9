using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// What parent and child read back across the fork: copy-on-write is about data. Each sentence
/// is written once and claimed of each kernel with the source that decides it there. Every
/// check must cover the whole buffer; a "never reads" claim also needs the other side's write
/// to have happened (its writer read it back), and every reading must differ from the bytes it
/// must not be (the controls), so that a comparison that never compares cannot pass.
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
        new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuChildReadsParentData : LinuxChildReadsParentData)
            .ReadsAsClaimed(run.Content.ChildReadsParentData, "the child", Bytes(run))
            .ReadsOtherThan(run.Content.Controls.ChildAtForkAgainstZeros, "the child, compared with zeros,", "zeros", Bytes(run));

    public static ClaimVerdict ParentNeverReadsChildWrite(ForkCowRun run) =>
        new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuParentNeverReadsChildWrite : LinuxParentNeverReadsChildWrite)
            .ReadsAsClaimed(run.Content.ReadBack.Child, "the child, reading back its own write,", Bytes(run))
            .ReadsAsClaimed(run.Content.ParentNeverReadsChildWrite, "the parent", Bytes(run))
            .ReadsOtherThan(run.Content.Controls.ParentAgainstChildWrite, "the parent, compared with the child's buffer,", "what the child wrote", Bytes(run));

    public static ClaimVerdict ChildNeverReadsParentWrite(ForkCowRun run) =>
        new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuChildNeverReadsParentWrite : LinuxChildNeverReadsParentWrite)
            .ReadsAsClaimed(run.Content.ReadBack.Parent, "the parent, reading back its second write,", Bytes(run))
            .ReadsAsClaimed(run.Content.ChildNeverReadsParentWrite, "the child", Bytes(run))
            .ReadsOtherThan(run.Content.Controls.ChildAgainstParentWrite, "the child, compared with the parent's second write,", "the parent's second write", Bytes(run));

    /// <summary>The buffer's size: every check compares all of it.</summary>
    static long Bytes(ForkCowRun run) => run.Pages * run.PageSize;
}

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
        KernelSource.Linux("`dup_mmap`, `copy_present_pte` (the child maps the parent's pages)"));
    public static readonly Claim LinuxParentNeverReadsChildWrite = new(Kernel.Linux, ParentNeverReads,
        KernelSource.Linux("`copy_present_pte` (both mappings write-protected), `do_wp_page`, `wp_page_copy` (the writer gets its own copy)"));
    public static readonly Claim LinuxChildNeverReadsParentWrite = new(Kernel.Linux, ChildNeverReads,
        KernelSource.Linux("`do_wp_page` (a shared page is copied for its writer; a reused one is no longer mapped by the child)"));

    public static readonly Claim XnuChildReadsParentData = new(Kernel.Xnu, ChildReads,
        KernelSource.Xnu("`vm_map_fork`, `vm_object_copy_quickly` (the child's entry shares the parent's object)"));
    public static readonly Claim XnuParentNeverReadsChildWrite = new(Kernel.Xnu, ParentNeverReads,
        KernelSource.Xnu("`vm_fault_page` (a write through a `needs_copy` entry copies into the writer's shadow object)"));
    public static readonly Claim XnuChildNeverReadsParentWrite = new(Kernel.Xnu, ChildNeverReads,
        KernelSource.Xnu("`vm_map_fork` (the parent's entry is `needs_copy` too), `vm_fault_page`"));

    public static ClaimVerdict ChildReadsParentData(ForkCowRun run) =>
        Holds(run.Kernel == Kernel.Xnu ? XnuChildReadsParentData : LinuxChildReadsParentData, run.Content.ChildReadsParentData, "the child");

    public static ClaimVerdict ParentNeverReadsChildWrite(ForkCowRun run) =>
        Holds(run.Kernel == Kernel.Xnu ? XnuParentNeverReadsChildWrite : LinuxParentNeverReadsChildWrite, run.Content.ParentNeverReadsChildWrite, "the parent");

    public static ClaimVerdict ChildNeverReadsParentWrite(ForkCowRun run) =>
        Holds(run.Kernel == Kernel.Xnu ? XnuChildNeverReadsParentWrite : LinuxChildNeverReadsParentWrite, run.Content.ChildNeverReadsParentWrite, "the child");

    static ClaimVerdict Holds(Claim claim, ContentCheck check, string who) => new ClaimVerdict(claim).ReadsAsClaimed(check, who);
}

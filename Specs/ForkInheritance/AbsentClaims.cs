using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.ForkInheritSteps;

namespace OolSpecs.Specs.ForkInheritance;

/// <summary>A mapping left out of the child (Linux MADV_DONTFORK, XNU VM_INHERIT_NONE): a secret the child never gets.</summary>
public static class AbsentClaims
{
    public static readonly Claim LinuxNotInherited = new(Kernel.Linux,
        "a MADV_DONTFORK mapping is left out of the child: nothing is mapped at its address there, at the fork or later, and the parent's data stays its own",
        KernelSource.Linux(LinuxFunctions.MadviseVmaBehavior.Because("MADV_DONTFORK sets VM_DONTCOPY"), LinuxFunctions.DupMmap.Because("a VM_DONTCOPY VMA is not copied: its range is cleared from the child's tree")));

    public static readonly Claim XnuNotInherited = new(Kernel.Xnu,
        "a VM_INHERIT_NONE region is left out of the child: nothing is mapped at its address there, at the fork or later, and the parent's data stays its own",
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("VM_INHERIT_NONE: no entry is made in the child's map")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static ClaimVerdict NotInherited(ForkInheritRun run) =>
        new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuNotInherited : LinuxNotInherited)
            .Maps(run, ChildAfterFork, false)
            .Maps(run, ChildAfterWrite, false)
            .Expect(run.Content.ChildReadsAtFork == ChildReading.Unmapped, $"{ChildAfterFork}: the child read {ForkInheritReport.Reading(run.Content.ChildReadsAtFork)}, not nothing")
            .Maps(run, ParentAfterChildWrite, true)
            .ParentKeepsItsData(run);
}

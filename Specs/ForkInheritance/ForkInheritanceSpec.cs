using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkInheritance;

/// <summary>
/// One mode of fork-inherit: the harness's row (probe word, kernel, setup in words), the exact
/// allocation, the checks a run of it is judged by, and what breaks if the kernel gets it wrong.
/// </summary>
public sealed record InheritanceCase(KernelRow<InheritMode> Row, string Allocation, IReadOnlyList<Check<ForkInheritRun>> Checks, string Security)
    : KernelRowCase<InheritMode, ForkInheritRun>(Row, Allocation, Checks, Security)
{
    public override ProbeScenario<ForkInheritRun> ScenarioFor(bool withoutCapSysAdmin) => new ForkInheritScenario(Row.Way, WithoutCapSysAdmin: withoutCapSysAdmin);
}

/// <summary>
/// The one table of fork-inherit cases, as Linux's cow.c has anon_test_cases[]: per mode, the
/// allocation and the claims it falls under. The parent fills two pages, forks, writes again;
/// the child reads and writes (see <see cref="ForkInheritanceSpec"/>).
/// </summary>
public static class InheritanceCases
{
    /// <summary>VM_INHERIT_COPY, given explicitly or by vm_allocate's default.</summary>
    static readonly IReadOnlyList<Check<ForkInheritRun>> XnuCopied =
    [
        new(CopyOnWriteClaims.XnuWritesStay, CopyOnWriteClaims.WritesStay),
        new(CopyOnWriteClaims.XnuCopyOnWrite, CopyOnWriteClaims.SharedUntilWritten),
    ];

    const string CopyOnWriteBroken =
        "a copy-on-write page the child can still write through into the parent is DirtyCOW-like corruption; a parent write that shows in the child leaks what the parent writes after forking";

    public static readonly IReadOnlyList<InheritanceCase> All =
    [
        new(InheritModes.All.Of(InheritMode.Default), PageBuffers.Xnu(),
            [.. XnuCopied, new(CopyOnWriteClaims.XnuDefaultIsCopy, CopyOnWriteClaims.DefaultIsCopy)],
            "memory allocated without a word about inheritance that a child shared instead of copying would let every forked child write its parent's heap"),
        new(InheritModes.All.Of(InheritMode.Share), PageBuffers.Xnu("VM_INHERIT_SHARE"),
            [new(SharedClaims.XnuWritesCross, SharedClaims.WritesCross), new(SharedClaims.XnuSameObject, SharedClaims.SameMemory)],
            "a region meant to be shared that is silently copied leaves parent and child acting on stale data: a lock or queue index written on one side is lost on the other"),
        new(InheritModes.All.Of(InheritMode.Copy), PageBuffers.Xnu("VM_INHERIT_COPY"), XnuCopied, CopyOnWriteBroken),
        new(InheritModes.All.Of(InheritMode.None), PageBuffers.Xnu("VM_INHERIT_NONE"),
            [new(AbsentClaims.XnuNotInherited, AbsentClaims.NotInherited)],
            "a VM_INHERIT_NONE region that is mapped in the child anyway hands keys the parent kept back to a child that may exec less trusted code"),
        new(InheritModes.All.Of(InheritMode.Private), PageBuffers.Linux("MAP_PRIVATE"),
            [new(CopyOnWriteClaims.LinuxWritesStay, CopyOnWriteClaims.WritesStay), new(CopyOnWriteClaims.LinuxSharedUntilWritten, CopyOnWriteClaims.SharedUntilWritten)],
            CopyOnWriteBroken),
        new(InheritModes.All.Of(InheritMode.Shared), PageBuffers.Linux("MAP_SHARED"),
            [
                new(SharedClaims.LinuxWritesCross, SharedClaims.WritesCross),
                new(SharedClaims.LinuxSameFrames, SharedClaims.SameMemory),
                new(SharedClaims.LinuxNoPageTablesCopied, SharedClaims.NoPageTablesCopied),
            ],
            "a shared mapping that is silently copied leaves parent and child acting on stale data: a lock or queue index written on one side is lost on the other"),
        new(InheritModes.All.Of(InheritMode.DontFork), PageBuffers.Linux("MAP_PRIVATE", "MADV_DONTFORK"),
            [new(AbsentClaims.LinuxNotInherited, AbsentClaims.NotInherited)],
            "MADV_DONTFORK memory (keys, buffers a device writes by DMA) inherited anyway hands the child the parent's secrets or pages a device still writes"),
        new(InheritModes.All.Of(InheritMode.WipeOnFork), PageBuffers.Linux("MAP_PRIVATE", "MADV_WIPEONFORK"),
            [new(WipedClaims.ChildSeesZeros, WipedClaims.SeesZeros), new(WipedClaims.ChildWritesStayInChild, WipedClaims.WritesStayInChild)],
            "MADV_WIPEONFORK memory that reaches the child unwiped repeats the parent's random number generator state or keys in the child: two processes then draw the same random numbers"),
    ];
}

/// <summary>
/// What a forked child inherits is chosen per mapping, and decides whether data written after
/// the fork is seen across it. The parent fills two pages and forks; the child reads; the parent
/// writes again; the child reads and writes; the parent reads:
/// <code>
/// oolprobe fork-inherit --mode private --pages 2      Linux  mmap(MAP_PRIVATE|MAP_ANONYMOUS) between guard pages
/// oolprobe fork-inherit --mode wipeonfork --pages 2   Linux  the same, then madvise(MADV_WIPEONFORK)
/// oolprobe fork-inherit --mode share --pages 2        XNU    vm_allocate(VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1)), vm_inherit(VM_INHERIT_SHARE)
/// </code>
/// (every mode, its allocation and claims: <see cref="InheritanceCases"/>). A shared mapping is
/// one memory: each side sees the other's writes. A copied one (Linux MAP_PRIVATE, XNU
/// VM_INHERIT_COPY, vm_allocate's default) gives the child the data as it was at the fork, shared
/// copy-on-write until each side writes. One left out (MADV_DONTFORK, VM_INHERIT_NONE) is not
/// mapped in the child. A wiped one (MADV_WIPEONFORK; XNU has none) is mapped but reads zeros.
/// <para>Each spec is a theory over the rows of the claims it names; a row of the other kernel
/// is skipped naming the kernel it needs. On Linux every Linux row runs for real, as root and
/// once more without CAP_SYS_ADMIN; the XNU claims cite the XNU source they follow, and wait for
/// a Mac to be observed.</para>
/// </summary>
public sealed class ForkInheritanceSpec
{
    static Claim[] WritesCross => [SharedClaims.LinuxWritesCross, SharedClaims.XnuWritesCross];
    static Claim[] SameMemory => [SharedClaims.LinuxSameFrames, SharedClaims.XnuSameObject];
    static Claim[] WritesStay => [CopyOnWriteClaims.LinuxWritesStay, CopyOnWriteClaims.XnuWritesStay];
    static Claim[] SharedUntilWritten => [CopyOnWriteClaims.LinuxSharedUntilWritten, CopyOnWriteClaims.XnuCopyOnWrite];
    static Claim[] NotInherited => [AbsentClaims.LinuxNotInherited, AbsentClaims.XnuNotInherited];

    public static TheoryData<string> WritesCrossRows => InheritanceCases.All.Under(WritesCross);

    public static TheoryData<string> SameMemoryRows => InheritanceCases.All.Under(SameMemory);

    public static TheoryData<string> NoPageTablesRows => InheritanceCases.All.Under(SharedClaims.LinuxNoPageTablesCopied);

    public static TheoryData<string> WritesStayRows => InheritanceCases.All.Under(WritesStay);

    public static TheoryData<string> SharedUntilWrittenRows => InheritanceCases.All.Under(SharedUntilWritten);

    public static TheoryData<string> DefaultIsCopyRows => InheritanceCases.All.Under(CopyOnWriteClaims.XnuDefaultIsCopy);

    public static TheoryData<string> NotInheritedRows => InheritanceCases.All.Under(NotInherited);

    public static TheoryData<string> SeesZerosRows => InheritanceCases.All.Under(WipedClaims.ChildSeesZeros);

    public static TheoryData<string> WritesStayInChildRows => InheritanceCases.All.Under(WipedClaims.ChildWritesStayInChild);

    public static TheoryData<string> EveryRow => InheritanceCases.All.Matching(_ => true);

    public static TheoryData<string> LinuxRows => InheritanceCases.All.Matching(row => row.Kernel == Kernel.Linux);

    [SkippableTheory]
    [MemberData(nameof(WritesCrossRows))]
    public void With_a_shared_mapping_each_side_sees_the_others_writes(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(WritesCross));

    [SkippableTheory]
    [MemberData(nameof(SameMemoryRows))]
    public void With_a_shared_mapping_both_sides_map_the_same_memory(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(SameMemory));

    [SkippableTheory]
    [MemberData(nameof(NoPageTablesRows))]
    public void Fork_copies_no_page_tables_for_a_shared_mapping_so_the_child_faults_its_pages_in(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(SharedClaims.LinuxNoPageTablesCopied));

    [SkippableTheory]
    [MemberData(nameof(WritesStayRows))]
    public void With_a_copied_mapping_the_child_reads_the_data_of_the_fork_and_neither_side_sees_later_writes(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(WritesStay));

    [SkippableTheory]
    [MemberData(nameof(SharedUntilWrittenRows))]
    public void A_copied_mapping_is_shared_copy_on_write_until_each_side_writes(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(SharedUntilWritten));

    [SkippableTheory]
    [MemberData(nameof(DefaultIsCopyRows))]
    public void Vm_allocate_memory_is_inherited_as_a_copy_unless_told_otherwise(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(CopyOnWriteClaims.XnuDefaultIsCopy));

    [SkippableTheory]
    [MemberData(nameof(NotInheritedRows))]
    public void A_mapping_left_out_is_not_mapped_in_the_child_at_all(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(NotInherited));

    [SkippableTheory]
    [MemberData(nameof(SeesZerosRows))]
    public void A_wiped_mapping_is_mapped_in_the_child_but_reads_zeros(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(WipedClaims.ChildSeesZeros));

    [SkippableTheory]
    [MemberData(nameof(WritesStayInChildRows))]
    public void The_childs_writes_to_a_wiped_mapping_never_reach_the_parent(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(WipedClaims.ChildWritesStayInChild));

    [SkippableTheory]
    [MemberData(nameof(EveryRow))]
    public void The_whole_run_matches_the_approved_snapshot(string mode) => Snapshot.Matches(Row(mode).OnThisKernel());

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown_and_every_other_fact_is_still_judged(string mode)
    {
        var row = Row(mode);
        var run = row.Run(withoutCapSysAdmin: true);

        run.Frames.Should().NotBeNull();
        run.FramesKnown.Should().BeFalse();
        run.Frames!.Reason.Should().NotBeNullOrWhiteSpace("the probe says why the frames are unknown");
        run.Steps.Where(s => s.Mapped).SelectMany(s => s.LinuxPages).Should().OnlyContain(p => p.Pfn == null && p.MapCount == null);
        var verdicts = row.JudgeAll(run);
        foreach (var verdict in verdicts)
        {
            verdict.Violations.Should().BeEmpty("what needs no frame numbers is still checked: {0}", verdict.Claim);
            verdict.Unverified.Where(reason => reason != Requires.Frames(run.Frames))
                .Should().BeEmpty("only frame numbers and map counts are missing: {0}", verdict.Claim);
        }

        verdicts.Any(v => v.Unverified.Count > 0).Should().Be(
            run.Step(ForkInheritSteps.ChildAfterFork).Mapped, "a claim about frames is left unverified, never passed; a child that maps nothing has no frames to claim");
    }

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void The_run_without_frames_matches_its_approved_snapshot(string mode) =>
        Snapshot.Matches(Row(mode).OnThisKernel(withoutCapSysAdmin: true));

    static InheritanceCase Row(string description) => InheritanceCases.All.Described(description);
}

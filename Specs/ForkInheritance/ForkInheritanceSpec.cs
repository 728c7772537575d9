using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkInheritance;

/// <summary>
/// What a forked child inherits is chosen per mapping, and decides whether data written after
/// the fork is seen across it. The parent maps two pages in one of its kernel's ways, fills
/// them and forks; the child reads; the parent writes again; the child reads and writes; the
/// parent reads. A shared mapping (Linux MAP_SHARED|MAP_ANONYMOUS, XNU VM_INHERIT_SHARE) is one
/// memory: each side sees the other's writes, both map the same frames (Linux; the child's page
/// tables start empty and it faults them in) or the same VM object, SM_SHARED (XNU). A copied
/// mapping (Linux MAP_PRIVATE, XNU VM_INHERIT_COPY, which is also vm_allocate's default) gives
/// the child the data as it was at the fork, shared copy-on-write until each side writes, after
/// which neither sees the other's writes. A mapping left out (Linux MADV_DONTFORK, XNU
/// VM_INHERIT_NONE) is not mapped in the child at all. A wiped mapping (Linux MADV_WIPEONFORK;
/// XNU has none) is mapped in the child but reads zeros, and the child's writes never reach
/// the parent.
/// <para>Each spec is a theory over the modes its claim is about, named in words; a mode of the
/// other kernel is skipped naming the kernel it needs. On Linux every Linux mode runs for real,
/// as root and once more without CAP_SYS_ADMIN; the XNU claims cite the XNU source they follow,
/// and wait for a Mac to be observed.</para>
/// </summary>
public sealed class ForkInheritanceSpec
{
    public static TheoryData<string> SharedModes => InheritRuns.Falling(InheritOutcome.Shared);

    public static TheoryData<string> LinuxSharedModes => InheritRuns.Modes(row => row.Outcome == InheritOutcome.Shared && row.Kernel == Kernel.Linux);

    public static TheoryData<string> CopiedModes => InheritRuns.Falling(InheritOutcome.CopyOnWrite);

    public static TheoryData<string> AbsentModes => InheritRuns.Falling(InheritOutcome.Absent);

    public static TheoryData<string> WipedModes => InheritRuns.Falling(InheritOutcome.Wiped);

    public static TheoryData<string> EveryMode => InheritRuns.Modes(_ => true);

    public static TheoryData<string> LinuxModes => InheritRuns.Modes(row => row.Kernel == Kernel.Linux);

    [SkippableTheory]
    [MemberData(nameof(SharedModes))]
    public void With_a_shared_mapping_each_side_sees_the_others_writes(string mode) =>
        ClaimAssert.Holds(SharedClaims.WritesCross(InheritRuns.Of(mode)));

    [SkippableTheory]
    [MemberData(nameof(SharedModes))]
    public void With_a_shared_mapping_both_sides_map_the_same_memory(string mode) =>
        ClaimAssert.Holds(SharedClaims.SameMemory(InheritRuns.Of(mode)));

    [SkippableTheory]
    [MemberData(nameof(LinuxSharedModes))]
    public void Fork_copies_no_page_tables_for_a_shared_mapping_so_the_child_faults_its_pages_in(string mode)
    {
        ClaimAssert.Holds(SharedClaims.NoPageTablesCopied(InheritRuns.Of(mode)));
    }

    [SkippableTheory]
    [MemberData(nameof(CopiedModes))]
    public void With_a_copied_mapping_the_child_reads_the_data_of_the_fork_and_neither_side_sees_later_writes(string mode) =>
        ClaimAssert.Holds(CopyOnWriteClaims.WritesStay(InheritRuns.Of(mode)));

    [SkippableTheory]
    [MemberData(nameof(CopiedModes))]
    public void A_copied_mapping_is_shared_copy_on_write_until_each_side_writes(string mode) =>
        ClaimAssert.Holds(CopyOnWriteClaims.SharedUntilWritten(InheritRuns.Of(mode)));

    [SkippableFact]
    public void Vm_allocate_memory_is_inherited_as_a_copy_unless_told_otherwise() =>
        ClaimAssert.Holds(CopyOnWriteClaims.DefaultIsCopy(InheritRuns.Of(InheritModes.Of(InheritMode.Default).Description)));

    [SkippableTheory]
    [MemberData(nameof(AbsentModes))]
    public void A_mapping_left_out_is_not_mapped_in_the_child_at_all(string mode) =>
        ClaimAssert.Holds(AbsentClaims.NotInherited(InheritRuns.Of(mode)));

    [SkippableTheory]
    [MemberData(nameof(WipedModes))]
    public void A_wiped_mapping_is_mapped_in_the_child_but_reads_zeros(string mode) =>
        ClaimAssert.Holds(WipedClaims.SeesZeros(InheritRuns.Of(mode)));

    [SkippableTheory]
    [MemberData(nameof(WipedModes))]
    public void The_childs_writes_to_a_wiped_mapping_never_reach_the_parent(string mode) =>
        ClaimAssert.Holds(WipedClaims.WritesStayInChild(InheritRuns.Of(mode)));

    [SkippableTheory]
    [MemberData(nameof(EveryMode))]
    public void The_whole_run_matches_the_approved_snapshot(string mode) => Snapshot.Matches(InheritRuns.Scenario(mode));

    [SkippableTheory]
    [MemberData(nameof(LinuxModes))]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown_and_every_other_fact_is_still_judged(string mode)
    {
        var run = InheritRuns.Of(mode, withoutCapSysAdmin: true);

        run.Frames.Should().NotBeNull();
        run.FramesKnown.Should().BeFalse();
        run.Frames!.Reason.Should().NotBeNullOrWhiteSpace("the probe says why the frames are unknown");
        run.Steps.Where(s => s.Mapped).SelectMany(s => s.LinuxPages).Should().OnlyContain(p => p.Pfn == null && p.MapCount == null);
        var verdicts = Verdicts(run).ToList();
        foreach (var verdict in verdicts)
        {
            verdict.Violations.Should().BeEmpty("what needs no frame numbers is still checked: {0}", verdict.Claim);
            verdict.Unverified.Where(reason => reason != Requires.Frames(run.Frames))
                .Should().BeEmpty("only frame numbers and map counts are missing: {0}", verdict.Claim);
        }

        verdicts.Any(v => v.Unverified.Count > 0).Should().Be(
            InheritModes.Described(mode).Outcome != InheritOutcome.Absent, "a claim about frames is left unverified, never passed; a child that maps nothing has no frames to claim");
    }

    [SkippableTheory]
    [MemberData(nameof(LinuxModes))]
    public void The_run_without_frames_matches_its_approved_snapshot(string mode) =>
        Snapshot.Matches(InheritRuns.Scenario(mode, withoutCapSysAdmin: true));

    /// <summary>Every claim the run's mode falls under.</summary>
    static IEnumerable<ClaimVerdict> Verdicts(ForkInheritRun run) => InheritModes.Of(run.Mode).Outcome switch
    {
        InheritOutcome.Shared => [SharedClaims.WritesCross(run), SharedClaims.SameMemory(run), .. run.Kernel == Kernel.Linux ? [SharedClaims.NoPageTablesCopied(run)] : Array.Empty<ClaimVerdict>()],
        InheritOutcome.CopyOnWrite => [CopyOnWriteClaims.WritesStay(run), CopyOnWriteClaims.SharedUntilWritten(run)],
        InheritOutcome.Absent => [AbsentClaims.NotInherited(run)],
        InheritOutcome.Wiped => [WipedClaims.SeesZeros(run), WipedClaims.WritesStayInChild(run)],
        _ => throw new ArgumentOutOfRangeException(nameof(run), run.Mode, "no claims for this outcome"),
    };
}

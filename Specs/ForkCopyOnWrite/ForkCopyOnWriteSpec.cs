using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// One fork walk on one kernel: the walk (pages, which the child writes), the exact allocation,
/// the checks a run of it is judged by (one per step the source settles, and the content
/// claims), and what breaks if the kernel gets it wrong.
/// </summary>
public sealed record ForkCowCase(string Walk, ForkCowScenario Scenario, Kernel Kernel, string Allocation, IReadOnlyList<Check<ForkCowRun>> Checks, string Security)
    : ICheckedCase<ForkCowRun>
{
    public string Description => $"{Walk} ({Kernel.Title()})";

    public string ProbeCommand => Scenario.Command;

    public IScenario<ForkCowRun> ScenarioFor(bool withoutCapSysAdmin) => Scenario with { WithoutCapSysAdmin = withoutCapSysAdmin };

    public IReadOnlyList<Claim> Claims => [.. Checks.Select(check => check.Claim)];

    public override string ToString() => Description;
}

/// <summary>
/// The one table of fork-cow cases: the article's walk (one page, the child writes it) and one
/// where the child writes only the first of four pages, each on XNU and on Linux. Map, write,
/// fork; the child looks, writes, looks; the parent looks, writes, looks while the child lives.
/// </summary>
public static class ForkCowCases
{
    const string OnePage = "one page, written by the child";
    const string FirstOfFour = "four pages, the child writes the first";

    static readonly IReadOnlyList<Check<ForkCowRun>> LinuxContent =
    [
        new(ForkContentClaims.LinuxChildReadsParentData, ForkContentClaims.ChildReadsParentData),
        new(ForkContentClaims.LinuxParentNeverReadsChildWrite, ForkContentClaims.ParentNeverReadsChildWrite),
        new(ForkContentClaims.LinuxChildNeverReadsParentWrite, ForkContentClaims.ChildNeverReadsParentWrite),
    ];

    static readonly IReadOnlyList<Check<ForkCowRun>> XnuContent =
    [
        new(ForkContentClaims.XnuChildReadsParentData, ForkContentClaims.ChildReadsParentData),
        new(ForkContentClaims.XnuParentNeverReadsChildWrite, ForkContentClaims.ParentNeverReadsChildWrite),
        new(ForkContentClaims.XnuChildNeverReadsParentWrite, ForkContentClaims.ChildNeverReadsParentWrite),
    ];

    public static readonly IReadOnlyList<ForkCowCase> All =
    [
        Xnu(OnePage, new ForkCowScenario(),
            "a child write that reached the parent's VM object would corrupt the parent's memory: the shadow chain is all that keeps them apart"),
        Linux(OnePage, new ForkCowScenario(),
            "a copy-on-write page the child can still write through into the parent is DirtyCOW-like corruption; a parent write that shows in the child leaks what the parent writes after forking"),
        Xnu(FirstOfFour, ForkCowScenario.PartlyWrittenByTheChild,
            "the child's partial shadow still needs the parent's object: a collapse that bypassed it early would leave the child reading pages the parent writes later"),
        Linux(FirstOfFour, ForkCowScenario.PartlyWrittenByTheChild,
            "a page the child did not write stays shared: a parent write that landed in it in place, without a copy, would show the parent's later data to the child"),
    ];

    /// <summary>On Linux every step is settled, whichever pages the child writes.</summary>
    static ForkCowCase Linux(string walk, ForkCowScenario scenario, string security) =>
        new(walk, scenario, Kernel.Linux, PageBuffers.Linux("MAP_PRIVATE"),
            [.. ForkSteps.InOrder.Select(step => new Check<ForkCowRun>(LinuxForkClaims.For(step), run => LinuxForkClaims.Judge(step, InOrder(run)))), .. LinuxContent],
            security);

    /// <summary>On XNU a step the source does not settle for this walk has no check: the snapshot holds it.</summary>
    static ForkCowCase Xnu(string walk, ForkCowScenario scenario, string security) =>
        new(walk, scenario, Kernel.Xnu, PageBuffers.Xnu(),
            [
                .. ForkSteps.InOrder
                    .Select(step => (Step: step, Documented: XnuForkClaims.For(step, scenario.Pages, scenario.ChildWrites)))
                    .Where(settled => settled.Documented is not null)
                    .Select(settled => new Check<ForkCowRun>(settled.Documented!.Value.Claim,
                        run => XnuForkClaims.Judge(settled.Documented.Value, settled.Step, XnuRegionState.Of(InOrder(run).Step(settled.Step).XnuRegion)))),
                .. XnuContent,
            ],
            security);

    /// <summary>The run, if the probe reported the article's six steps in order: a step is judged only in its place.</summary>
    static ForkCowRun InOrder(ForkCowRun run) =>
        run.Steps.Select(s => s.Step).SequenceEqual(ForkSteps.InOrder)
            ? run
            : throw new InvalidOperationException($"The probe reported the steps {string.Join(", ", run.Steps.Select(s => s.Step))}, not the article's six in order.");
}

/// <summary>
/// What parent and child read back: the child reads the parent's data as it was at the fork,
/// the parent never reads what the child writes, and the child never reads what the parent
/// writes later, whether the child wrote every page or only the first. Each writer has its own
/// byte pattern (Native/src/content.c) and every check compares the whole buffer:
/// <code>
/// oolprobe fork-cow --pages 1 --child-writes all
/// oolprobe fork-cow --pages 4 --child-writes first
/// </code>
/// on the allocations of <see cref="ForkCowCases"/>. A mismatch names the offset and both bytes.
/// </summary>
public sealed class ForkContentSpec
{
    static Claim[] ChildReads => [ForkContentClaims.LinuxChildReadsParentData, ForkContentClaims.XnuChildReadsParentData];
    static Claim[] ParentNeverReads => [ForkContentClaims.LinuxParentNeverReadsChildWrite, ForkContentClaims.XnuParentNeverReadsChildWrite];
    static Claim[] ChildNeverReads => [ForkContentClaims.LinuxChildNeverReadsParentWrite, ForkContentClaims.XnuChildNeverReadsParentWrite];

    public static TheoryData<string> ChildReadsRows => ForkCowCases.All.Under(ChildReads);

    public static TheoryData<string> ParentNeverReadsRows => ForkCowCases.All.Under(ParentNeverReads);

    public static TheoryData<string> ChildNeverReadsRows => ForkCowCases.All.Under(ChildNeverReads);

    [SkippableTheory]
    [MemberData(nameof(ChildReadsRows))]
    public void The_child_reads_the_parents_data_as_it_was_at_the_fork(string walk) => ClaimAssert.Holds(Row(walk).Judged(ChildReads));

    [SkippableTheory]
    [MemberData(nameof(ParentNeverReadsRows))]
    public void The_parent_never_reads_what_the_child_writes(string walk) => ClaimAssert.Holds(Row(walk).Judged(ParentNeverReads));

    [SkippableTheory]
    [MemberData(nameof(ChildNeverReadsRows))]
    public void The_child_never_reads_what_the_parent_writes_after_the_fork(string walk) => ClaimAssert.Holds(Row(walk).Judged(ChildNeverReads));

    static ForkCowCase Row(string description) => ForkCowCases.All.Described(description);
}

/// <summary>
/// A buffer is mapped and written, then the process forks. Untouched, the allocation has nothing
/// behind it; written, it is private to the parent. After the fork the child shares the
/// parent's pages copy-on-write; the child's write gives it a copy of its own; the parent still
/// maps its pages and its own write takes them back:
/// <code>
/// oolprobe fork-cow --pages 1 --child-writes all     XNU    vm_allocate(VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1))
/// oolprobe fork-cow --pages 4 --child-writes first   Linux  mmap(MAP_PRIVATE|MAP_ANONYMOUS) between PROT_NONE guard pages, MADV_NOHUGEPAGE
/// </code>
/// (every walk, its allocation and claims: <see cref="ForkCowCases"/>). Where the child writes
/// only the first of four pages, its copy cannot cover the parent's pages: the rest stay shared
/// (Linux: the parent's frames, mapped twice, until the parent's write copies them; XNU: both
/// regions copy-on-write with ref_count 2). Each step's claim is a theory over the walks it is
/// claimed of; then each walk is compared with its approved snapshot, and on Linux observed once
/// more without CAP_SYS_ADMIN.
/// </summary>
public sealed class ForkCopyOnWriteSpec
{
    static Claim[] Untouched => [LinuxForkClaims.Untouched, XnuForkClaims.Untouched];
    static Claim[] Written => [LinuxForkClaims.Written, XnuForkClaims.Written];
    static Claim[] ChildShares => [LinuxForkClaims.ChildShares, XnuForkClaims.ChildShares];
    static Claim[] ChildCopies => [LinuxForkClaims.ChildCopies, XnuForkClaims.ChildCopies];
    static Claim[] ParentKeeps => [LinuxForkClaims.ParentKeeps, XnuForkClaims.ParentStillCow];

    public static TheoryData<string> UntouchedRows => ForkCowCases.All.Under(Untouched);

    public static TheoryData<string> WrittenRows => ForkCowCases.All.Under(Written);

    public static TheoryData<string> ChildSharesRows => ForkCowCases.All.Under(ChildShares);

    public static TheoryData<string> ChildCopiesRows => ForkCowCases.All.Under(ChildCopies);

    public static TheoryData<string> ParentKeepsRows => ForkCowCases.All.Under(ParentKeeps);

    public static TheoryData<string> ParentPrivateRows => ForkCowCases.All.Under(XnuForkClaims.ParentPrivate);

    public static TheoryData<string> ParentReusesRows => ForkCowCases.All.Under(LinuxForkClaims.ParentReuses);

    public static TheoryData<string> PartCopyRows => ForkCowCases.All.Under(XnuForkClaims.ChildPartCopyStillShares);

    public static TheoryData<string> ParentStillSharesRows => ForkCowCases.All.Under(XnuForkClaims.ParentStillShares);

    public static TheoryData<string> EveryWalk => ForkCowCases.All.Matching(_ => true);

    public static TheoryData<string> LinuxWalks => ForkCowCases.All.Matching(row => row.Kernel == Kernel.Linux);

    [SkippableTheory]
    [MemberData(nameof(UntouchedRows))]
    public void An_untouched_allocation_has_no_page_behind_it(string walk) => ClaimAssert.Holds(Row(walk).Judged(Untouched));

    [SkippableTheory]
    [MemberData(nameof(WrittenRows))]
    public void Writing_makes_the_page_resident_and_private(string walk) => ClaimAssert.Holds(Row(walk).Judged(Written));

    [SkippableTheory]
    [MemberData(nameof(ChildSharesRows))]
    public void After_fork_the_child_shares_the_parents_page_copy_on_write(string walk) => ClaimAssert.Holds(Row(walk).Judged(ChildShares));

    [SkippableTheory]
    [MemberData(nameof(ChildCopiesRows))]
    public void The_childs_write_gives_the_child_a_private_copy(string walk) => ClaimAssert.Holds(Row(walk).Judged(ChildCopies));

    [SkippableTheory]
    [MemberData(nameof(PartCopyRows))]
    public void The_pages_the_child_did_not_write_stay_shared_with_the_parent(string walk) =>
        ClaimAssert.Holds(Row(walk).Judged(XnuForkClaims.ChildPartCopyStillShares));

    [SkippableTheory]
    [MemberData(nameof(ParentKeepsRows))]
    public void The_parent_keeps_its_page_and_still_sees_copy_on_write_until_it_writes(string walk) => ClaimAssert.Holds(Row(walk).Judged(ParentKeeps));

    [SkippableTheory]
    [MemberData(nameof(ParentStillSharesRows))]
    public void The_parent_still_shares_what_the_child_did_not_write_until_it_writes(string walk) =>
        ClaimAssert.Holds(Row(walk).Judged(XnuForkClaims.ParentStillShares));

    [SkippableTheory]
    [MemberData(nameof(ParentPrivateRows))]
    public void The_parents_write_makes_its_page_private_without_a_copy(string walk) => ClaimAssert.Holds(Row(walk).Judged(XnuForkClaims.ParentPrivate));

    [SkippableTheory]
    [MemberData(nameof(ParentReusesRows))]
    public void The_parents_write_copies_what_it_shares_and_reuses_what_it_alone_maps(string walk) =>
        ClaimAssert.Holds(Row(walk).Judged(LinuxForkClaims.ParentReuses));

    [SkippableTheory]
    [MemberData(nameof(EveryWalk))]
    public void The_whole_walk_matches_the_approved_snapshot(string walk) => Snapshot.Matches(Row(walk).OnThisKernel());

    [SkippableTheory]
    [MemberData(nameof(LinuxWalks))]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown_never_invented(string walk)
    {
        var row = Row(walk);
        var run = row.Run(withoutCapSysAdmin: true);

        run.Frames.Should().NotBeNull();
        run.FramesKnown.Should().BeFalse();
        run.Frames!.Reason.Should().NotBeNullOrWhiteSpace("the probe says why the frames are unknown");
        run.Steps.SelectMany(s => s.LinuxPages).Should().OnlyContain(p => p.Pfn == null && p.MapCount == null);
        var onFrames = ForkSteps.InOrder.Where(step => step != ForkSteps.AfterMap).Select(LinuxForkClaims.For).ToList();
        foreach (var verdict in row.JudgeAll(run))
        {
            verdict.Violations.Should().BeEmpty("what needs no frame numbers is still checked: {0}", verdict.Claim);
            (verdict.Unverified.Count > 0).Should().Be(onFrames.Contains(verdict.Claim), "only frame claims are left unverified: {0}", verdict.Claim);
            verdict.Unverified.Where(reason => reason != Requires.Frames(run.Frames)).Should().BeEmpty("the reason names the capability and what to do");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(LinuxWalks))]
    public void The_walk_without_frames_matches_its_approved_snapshot(string walk) => Snapshot.Matches(Row(walk).OnThisKernel(withoutCapSysAdmin: true));

    static ForkCowCase Row(string description) => ForkCowCases.All.Described(description);
}

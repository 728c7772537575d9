using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkCopyOnWrite;

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

    public static TheoryData<string> UntouchedRows => ForkCowCases.All.UnderAny(Untouched);

    public static TheoryData<string> WrittenRows => ForkCowCases.All.UnderAny(Written);

    public static TheoryData<string> ChildSharesRows => ForkCowCases.All.UnderAny(ChildShares);

    public static TheoryData<string> ChildCopiesRows => ForkCowCases.All.UnderAny(ChildCopies);

    public static TheoryData<string> ParentKeepsRows => ForkCowCases.All.UnderAny(ParentKeeps);

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

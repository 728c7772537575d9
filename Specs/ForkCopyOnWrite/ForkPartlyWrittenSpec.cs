using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// Four pages written by the parent, then a fork after which the child writes only the first.
/// The child's copy cannot cover the parent's pages, so the pages it did not write stay shared:
/// on Linux they stay the parent's frames, mapped twice, until the parent's own write copies
/// them (the page the child copied it reuses); on XNU both regions stay copy-on-write with
/// ref_count 2, since the child's shadow still needs the parent's object. On Linux the walk is
/// also observed without CAP_SYS_ADMIN, as a user who is not root or a default container sees it.
/// </summary>
public sealed class ForkPartlyWrittenSpec
{
    static readonly ForkCowScenario PartlyWritten = ForkCowScenario.PartlyWrittenByTheChild;
    static readonly ForkCowScenario WithoutFrames = PartlyWritten with { WithoutCapSysAdmin = true };

    [SkippableFact]
    public void The_pages_the_child_did_not_write_stay_shared_with_the_parent() => ForkCopyOnWriteSpec.StepHolds(PartlyWritten, ForkSteps.ChildAfterWrite);

    [SkippableFact]
    public void The_parent_still_shares_what_the_child_did_not_write_until_it_writes() => ForkCopyOnWriteSpec.StepHolds(PartlyWritten, ForkSteps.ParentBeforeWrite);

    [SkippableFact]
    public void The_parents_write_copies_what_it_shares_and_reuses_what_it_alone_maps() => ForkCopyOnWriteSpec.StepHolds(PartlyWritten, ForkSteps.ParentAfterWrite);

    [SkippableFact]
    public void The_partly_written_walk_matches_the_approved_snapshot() => Snapshot.Matches(PartlyWritten);

    [SkippableFact]
    public void The_partly_written_walk_without_frames_matches_its_approved_snapshot() => Snapshot.Matches(WithoutFrames);
}

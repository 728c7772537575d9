using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.ForkInheritance;
using static OolSpecs.Harness.Scenarios.ForkInheritSteps;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// The ForkInheritance claims judged on made-up runs (<see cref="MadeUpForkInheritRuns"/>): a
/// claim that is contradicted fails saying where, and one that cannot be told is left unverified.
/// </summary>
public sealed class ForkInheritClaimTests
{
    [Fact]
    public void A_run_as_documented_raises_nothing()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate();

        CopyOnWriteClaims.WritesStay(run).Violations.Should().BeEmpty();
        var frames = CopyOnWriteClaims.SharedUntilWritten(run);
        frames.Violations.Should().BeEmpty();
        frames.Unverified.Should().BeEmpty();
        SharedClaims.SameMemory(MadeUpForkInheritRuns.XnuShare()).Violations.Should().BeEmpty();
        AbsentClaims.NotInherited(MadeUpForkInheritRuns.LinuxDontFork()).Violations.Should().BeEmpty();
    }

    [Fact]
    public void A_content_check_that_fails_names_the_offset_and_both_bytes()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate();
        var wrong = run with
        {
            Content = run.Content with
            {
                ChildAfterParentWrite = new ChildAfterParentWriteChecks(
                    MadeUpForkInheritRuns.Holds, MadeUpForkInheritRuns.Differs(4097, 0xa1, 0xa6)),
            },
        };

        CopyOnWriteClaims.WritesStay(wrong).Violations.Should().BeEquivalentTo(
        [
            "parent-after-write: the child read the parent's later write: all 8192 bytes checked were its",
            "parent-after-write: the child, expecting the data as it was at the fork, read something else: offset 4097: read 0xa6, expected 0xa1",
        ]);
    }

    [Fact]
    public void A_check_the_probe_could_not_make_is_a_violation_not_a_pass()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate();
        var notChecked = run with { Content = run.Content with { ChildAtFork = new ChildAtForkChecks(null, null) } };

        CopyOnWriteClaims.WritesStay(notChecked).Violations.Should().ContainSingle().Which.Should().Be(
            "child-after-fork: the child, expecting the parent's data, reported no content check");
    }

    [Fact]
    public void A_child_that_never_wrote_fails_every_claim_about_its_write_naming_the_read_back()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate();
        var neverWrote = run with { Content = run.Content with { ReadBack = new ReadBacks(MadeUpForkInheritRuns.Holds, MadeUpForkInheritRuns.Differs(0, 0xc4, 0xa1)) } };
        var notReported = run with { Content = run.Content with { ReadBack = new ReadBacks(MadeUpForkInheritRuns.Holds, null) } };
        const string failed = "child-after-write: the child, reading back its own write, read something else: offset 0: read 0xa1, expected 0xc4";

        CopyOnWriteClaims.WritesStay(neverWrote).Violations.Should().Equal(failed);
        CopyOnWriteClaims.SharedUntilWritten(neverWrote).Violations.Should().Equal(failed);
        CopyOnWriteClaims.WritesStay(notReported).Violations.Should().Equal("child-after-write: the child, reading back its own write, reported no content check");
    }

    [Fact]
    public void A_parent_that_never_wrote_again_fails_the_claims_about_its_write()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate();
        var neverWrote = run with { Content = run.Content with { ReadBack = new ReadBacks(MadeUpForkInheritRuns.Differs(0, 0xa6, 0xa1), MadeUpForkInheritRuns.Holds) } };

        CopyOnWriteClaims.WritesStay(neverWrote).Violations.Should().Equal(
            "parent-after-write: the parent, reading back its own write, read something else: offset 0: read 0xa1, expected 0xa6");
    }

    [Fact]
    public void A_check_that_compared_part_of_the_buffer_is_no_evidence_either_way()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate();
        var half = run with
        {
            Content = run.Content with
            {
                ChildAtFork = new ChildAtForkChecks(new ContentCheck(true, 4096, null), MadeUpForkInheritRuns.Differs(0, 0x00, 0xa1)),
                ParentAfterChildWrite = new ParentAfterChildWriteChecks(new ContentCheck(false, 0, null), MadeUpForkInheritRuns.Holds, MadeUpForkInheritRuns.Differs(0, 0xa1, 0xa6)),
            },
        };

        CopyOnWriteClaims.WritesStay(half).Violations.Should().Equal(
            "child-after-fork: the child, expecting the parent's data, checked 4096 bytes of the 8192-byte region, not every byte once",
            "child-after-write: the parent checked no byte of the 8192-byte region",
            "child-after-write: the parent reported a difference without naming its first byte");
    }

    [Fact]
    public void A_comparison_that_never_compares_fails_the_shared_claim_on_its_controls()
    {
        var run = MadeUpForkInheritRuns.XnuShare();
        var holds = MadeUpForkInheritRuns.Holds;
        var nothingCompared = run with
        {
            Content = run.Content with
            {
                ChildAtFork = new ChildAtForkChecks(holds, holds),
                ChildAfterParentWrite = new ChildAfterParentWriteChecks(holds, holds),
                ParentAfterChildWrite = new ParentAfterChildWriteChecks(holds, holds, holds),
            },
        };

        SharedClaims.WritesCross(run).Violations.Should().BeEmpty();
        SharedClaims.WritesCross(nothingCompared).Violations.Should().Equal(
            "child-after-fork: the child read zeros: all 8192 bytes checked were its",
            "parent-after-write: the child read the data as it was at the fork: all 8192 bytes checked were its",
            "child-after-write: the parent read its own last write: all 8192 bytes checked were its");
    }

    [Fact]
    public void Without_frame_numbers_a_frame_claim_is_unverified_and_what_it_can_see_is_still_judged()
    {
        var verdict = CopyOnWriteClaims.SharedUntilWritten(MadeUpForkInheritRuns.LinuxPrivate(framesKnown: false));

        verdict.Violations.Should().BeEmpty();
        verdict.Unverified.Should().ContainSingle().Which.Should().StartWith(CapSysAdmin.Needed).And.EndWith("(the probe: made up: no capability)");
    }

    [Fact]
    public void A_child_on_the_parents_frames_after_both_wrote_is_named_page_by_page()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate();
        var steps = run.Steps.Select(s => s.Step == ParentAfterChildWrite ? run.Step(ChildAfterWrite) with { Step = ParentAfterChildWrite, Actor = "parent" } : s).ToList();

        CopyOnWriteClaims.SharedUntilWritten(run with { Steps = steps }).Violations.Should().Equal(
            "parent-after-child-write: page 0 is on the frame it was on at child-after-write",
            "parent-after-child-write: page 1 is on the frame it was on at child-after-write");
    }

    [Fact]
    public void A_page_the_fork_left_unshared_or_absent_is_named_page_by_page()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate();
        var atFork = run.Step(ChildAfterFork);
        LinuxPage[] pages = [atFork.LinuxPages[0] with { Exclusive = true, MapCount = 1 }, atFork.LinuxPages[1] with { Present = false }];
        var steps = run.Steps.Select(s => s.Step == ChildAfterFork ? atFork with { PageStates = pages } : s).ToList();

        CopyOnWriteClaims.SharedUntilWritten(run with { Steps = steps }).Violations.Should().Contain(
        [
            "child-after-fork: page 0 is exclusively mapped",
            "child-after-fork: page 0 has map count 1, not 2",
            "child-after-fork: page 1 is not present",
        ]);
    }

    [Fact]
    public void On_XNU_another_object_or_share_mode_is_named_with_its_step()
    {
        var run = MadeUpForkInheritRuns.XnuShare();
        var region = run.Step(ChildAfterWrite).XnuRegion with { ObjectId = 78, ShareMode = (int)XnuShareMode.SM_COW };
        var steps = run.Steps.Select(s => s.Step == ChildAfterWrite ? s with { Region = region } : s).ToList();

        SharedClaims.SameMemory(run with { Steps = steps }).Violations.Should().Equal(
            "child-after-write: share_mode is SM_COW, not SM_SHARED",
            "child-after-write: the child maps another VM object than the one the parent filled");
    }

    [Fact]
    public void A_comparison_that_never_compares_fails_the_left_out_claim_on_the_parents_control()
    {
        var run = MadeUpForkInheritRuns.LinuxDontFork();
        var nothingCompared = run with
        {
            Content = run.Content with { ParentAfterChildWrite = new ParentAfterChildWriteChecks(null, MadeUpForkInheritRuns.Holds, MadeUpForkInheritRuns.Holds) },
        };

        AbsentClaims.NotInherited(nothingCompared).Violations.Should().Equal(
            "parent-after-child-write: the parent read its first fill, written over since: all 8192 bytes checked were its");
    }

    [Fact]
    public void A_child_that_maps_the_buffer_after_dontfork_is_caught()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate() with { Mode = InheritMode.DontFork };

        AbsentClaims.NotInherited(run).Violations.Should().Contain("child-after-fork: the child maps the buffer")
            .And.Contain("child-after-fork: the child read the parent's data, not nothing");
    }
}

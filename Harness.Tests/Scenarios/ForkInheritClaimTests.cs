using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.ForkInheritance;
using static OolSpecs.Harness.Observations.ForkInheritSteps;

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
    public void A_child_that_maps_the_buffer_after_dontfork_is_caught()
    {
        var run = MadeUpForkInheritRuns.LinuxPrivate() with { Mode = Words.InheritMode.DontFork };

        AbsentClaims.NotInherited(run).Violations.Should().Contain("child-after-fork: the child maps the buffer")
            .And.Contain("child-after-fork: the child read the parent's data, not nothing");
    }
}

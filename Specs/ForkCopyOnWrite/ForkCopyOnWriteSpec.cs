using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// A page is mapped and written, then the process forks. Untouched, the allocation has nothing
/// behind it; written, it is private to the parent. After the fork the child shares the
/// parent's page copy-on-write; the child's write gives it a copy of its own; the parent still
/// maps its page (on XNU still marked copy-on-write) and its own write takes the page back
/// without copying. Each step is one spec, then the whole walk is compared with the approved
/// snapshot of this release; on Linux the walk is also observed without CAP_SYS_ADMIN.
/// </summary>
public sealed class ForkCopyOnWriteSpec
{
    static readonly ForkCowScenario Walkthrough = new();
    static readonly ForkCowScenario WithoutFrames = new(WithoutCapSysAdmin: true);

    [SkippableFact]
    public void An_untouched_allocation_has_no_page_behind_it() => StepHolds(Walkthrough, ForkSteps.AfterMap);

    [SkippableFact]
    public void Writing_makes_the_page_resident_and_private() => StepHolds(Walkthrough, ForkSteps.AfterWrite);

    [SkippableFact]
    public void After_fork_the_child_shares_the_parents_page_copy_on_write() => StepHolds(Walkthrough, ForkSteps.ChildAfterFork);

    [SkippableFact]
    public void The_childs_write_gives_the_child_a_private_copy() => StepHolds(Walkthrough, ForkSteps.ChildAfterWrite);

    [SkippableFact]
    public void The_parent_keeps_its_page_and_still_sees_copy_on_write_until_it_writes() => StepHolds(Walkthrough, ForkSteps.ParentBeforeWrite);

    [SkippableFact]
    public void The_parents_write_makes_its_page_private_without_a_copy() => StepHolds(Walkthrough, ForkSteps.ParentAfterWrite);

    [SkippableFact]
    public void The_whole_walk_matches_the_approved_snapshot() => Snapshot.Matches(Walkthrough);

    [SkippableFact]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown_never_invented()
    {
        Requires.KernelOf(WithoutFrames);
        var run = Observed.Of(WithoutFrames);

        run.Frames.Should().NotBeNull();
        run.FramesKnown.Should().BeFalse();
        run.Frames!.Reason.Should().NotBeNullOrWhiteSpace("the probe says why the frames are unknown");
        run.Steps.SelectMany(s => s.LinuxPages).Should().OnlyContain(p => p.Pfn == null && p.MapCount == null);
        foreach (var step in ForkSteps.InOrder)
        {
            var verdict = LinuxForkClaims.Judge(step, run);
            verdict.Violations.Should().BeEmpty("what needs no frame numbers is still checked: {0}", verdict.Claim);
            (verdict.Unverified.Count > 0).Should().Be(step != ForkSteps.AfterMap, "only frame claims are left unverified");
            verdict.Unverified.Where(reason => reason != Requires.Frames(run.Frames)).Should().BeEmpty("the reason names the capability and what to do");
        }
    }

    [SkippableFact]
    public void The_walk_without_frames_matches_its_approved_snapshot() => Snapshot.Matches(WithoutFrames);

    /// <summary>The step's claim on this kernel, judged on one run of the scenario; a step the source does not settle is skipped with that reason.</summary>
    internal static void StepHolds(ForkCowScenario scenario, string step)
    {
        var run = Observed.Of(scenario);
        run.Steps.Select(s => s.Step).Should().Equal(ForkSteps.InOrder, "the probe reports the article's six steps in order");
        if (run.Kernel == Kernel.Linux)
        {
            ClaimAssert.Holds(LinuxForkClaims.Judge(step, run));
            return;
        }

        var documented = XnuForkClaims.For(step, run.Pages, run.ChildWrites);
        Skip.If(documented is null, $"XNU's source does not settle {step} here; the snapshot records it");
        ClaimAssert.Holds(XnuForkClaims.Judge(documented!.Value, step, XnuRegionState.Of(run.Step(step).XnuRegion)));
    }
}

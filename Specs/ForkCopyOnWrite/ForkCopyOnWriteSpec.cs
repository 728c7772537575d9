using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// A page is mapped and written, the process forks; the child inspects, writes, inspects;
/// then the parent inspects, writes, inspects while the child is still alive.
/// Each step's documented state is one spec; the whole walk is then compared with the
/// approved snapshot of this release.
/// </summary>
public sealed class ForkCopyOnWriteSpec(ForkObservation observation) : IClassFixture<ForkObservation>
{
    [SkippableFact]
    public void An_untouched_allocation_has_no_page_behind_it() => Holds(ForkSteps.AfterMap);

    [SkippableFact]
    public void Writing_makes_the_page_resident_and_private() => Holds(ForkSteps.AfterWrite);

    [SkippableFact]
    public void After_fork_the_child_shares_the_parents_page_copy_on_write() => Holds(ForkSteps.ChildAfterFork);

    [SkippableFact]
    public void The_childs_write_gives_the_child_a_private_copy() => Holds(ForkSteps.ChildAfterWrite);

    [SkippableFact]
    public void The_parent_keeps_its_page_and_still_sees_copy_on_write_until_it_writes() => Holds(ForkSteps.ParentBeforeWrite);

    [SkippableFact]
    public void The_parents_write_makes_its_page_private_without_a_copy() => Holds(ForkSteps.ParentAfterWrite);

    [Fact]
    public void The_whole_walk_matches_the_approved_snapshot()
    {
        var scenario = observation.Scenario;
        var run = observation.Run;
        Lab.Snapshots.Verify(new SnapshotKey(ForkCowScenario.Family, scenario.CaseFor(run)), scenario.Render(run));
    }

    [SkippableFact]
    public void An_approved_snapshot_altered_in_one_cell_makes_the_walk_fail()
    {
        var key = new SnapshotKey(ForkCowScenario.Family, observation.Scenario.CaseFor(observation.Run));
        var approved = Lab.Snapshots.Tree.Locate(Lab.Platform, key).Path;
        Skip.If(approved is null, $"no snapshot of {key.Case} is approved for {Lab.Platform} yet");

        var copy = Directory.CreateTempSubdirectory("oolspecs-altered-");
        try
        {
            var altered = Path.Combine(copy.FullName, Path.GetRelativePath(Lab.Snapshots.Tree.Root, approved!));
            Directory.CreateDirectory(Path.GetDirectoryName(altered)!);
            var lines = File.ReadAllLines(approved!);
            var cell = Array.FindLastIndex(lines, l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal));
            lines[cell] = lines[cell][..lines[cell].LastIndexOf('|', lines[cell].Length - 2)] + "| altered |";
            File.WriteAllLines(altered, lines);

            var verify = () => new SnapshotVerifier(new SnapshotTree(copy.FullName), Lab.Platform)
                .Verify(key, observation.Scenario.Render(observation.Run));

            verify.Should().Throw<SnapshotMismatchException>().WithMessage("*-| * | altered |*");
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown_never_invented()
    {
        Skip.If(Lab.Kernel != KernelKind.Linux, "frame numbers and map counts are read from Linux's /proc");
        var run = observation.WithoutFrames;
        Skip.If(run is null, "this run has CAP_SYS_ADMIN and no setpriv to drop it");

        run!.Frames.Should().NotBeNull();
        run.Frames!.Available.Should().BeFalse();
        run.Frames.Reason.Should().NotBeNullOrWhiteSpace("the probe says why the frames are unknown");
        run.Steps.SelectMany(s => s.LinuxPages).Should().OnlyContain(p => p.Pfn == null && p.MapCount == null);
        foreach (var step in ForkSteps.InOrder)
        {
            var result = LinuxForkClaims.Check(step, run);
            result.Violations.Should().BeEmpty("what needs no frame numbers is still checked: {0}", LinuxForkClaims.Sentence(step));
            (result.Unverified is not null).Should().Be(step != ForkSteps.AfterMap, "only frame claims are left unverified");
        }
    }

    [SkippableFact]
    public void The_walk_without_frames_matches_its_approved_snapshot()
    {
        Skip.If(Lab.Kernel != KernelKind.Linux, "frame numbers and map counts are read from Linux's /proc");
        var run = observation.WithoutFrames;
        Skip.If(run is null, "this run has CAP_SYS_ADMIN and no setpriv to drop it");

        Lab.Snapshots.Verify(new SnapshotKey(ForkCowScenario.Family, observation.Scenario.CaseFor(run!)), observation.Scenario.Render(run!));
    }

    void Holds(string step)
    {
        var run = observation.Run;
        run.Steps.Select(s => s.Step).Should().Equal(ForkSteps.InOrder, "the probe reports the article's six steps in order");
        if (Lab.Kernel == KernelKind.Xnu)
        {
            var (sentence, _) = XnuForkClaims.For(step, run.Pages);
            XnuForkClaims.Violations(step, XnuRegionState.Of(run.Step(step).XnuRegion), run.Pages)
                .Should().BeEmpty("the article documents that {0}", sentence);
            return;
        }

        var result = LinuxForkClaims.Check(step, run);
        result.Violations.Should().BeEmpty("on Linux {0}", LinuxForkClaims.Sentence(step));
        Skip.If(result.Unverified is not null, result.Unverified);
    }
}

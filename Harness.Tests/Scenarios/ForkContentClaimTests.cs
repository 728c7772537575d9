using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.ForkCopyOnWrite;
using OolSpecs.Specs.Support;
using static OolSpecs.Harness.Scenarios.ForkSteps;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// Negative controls for the fork-cow content claims, on made-up runs (<see cref="MadeUpForkCowRuns"/>):
/// bytes that differ, a write that never happened, a check that compared too little, and a
/// comparison that never compares each fail the claim, saying which.
/// </summary>
public sealed class ForkContentClaimTests
{
    static IEnumerable<ClaimVerdict> Every(ForkCowRun run) =>
    [
        ForkContentClaims.ChildReadsParentData(run),
        ForkContentClaims.ParentNeverReadsChildWrite(run),
        ForkContentClaims.ChildNeverReadsParentWrite(run),
    ];

    /// <summary>Each claim's violations, in the order of <see cref="Every"/>.</summary>
    static string[][] ViolationsOf(ForkCowRun run) => [.. Every(run).Select(v => v.Violations.ToArray())];

    [Fact]
    public void A_run_as_documented_raises_nothing()
    {
        Every(MadeUpForkCowRuns.LinuxOnePage()).SelectMany(v => v.Violations).Should().BeEmpty();
    }

    [Fact]
    public void Bytes_that_differ_fail_the_claim_naming_the_offset_and_both_bytes()
    {
        var run = MadeUpForkCowRuns.LinuxOnePage();
        var content = run.Content with
        {
            ChildReadsParentData = MadeUpForkCowRuns.Differs(12, 0xa1, 0x00),
            ParentNeverReadsChildWrite = MadeUpForkCowRuns.Differs(0, 0xa1, 0xc4),
            ChildNeverReadsParentWrite = MadeUpForkCowRuns.Differs(4095, 0xc4, 0xa6),
        };

        ViolationsOf(run with { Content = content }).Should().BeEquivalentTo<string[]>(
        [
            ["the child read something else: offset 12: read 0x00, expected 0xa1"],
            ["the parent read something else: offset 0: read 0xc4, expected 0xa1"],
            ["the child read something else: offset 4095: read 0xa6, expected 0xc4"]
        ], o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_comparison_that_never_compares_fails_every_claim_on_its_control()
    {
        ViolationsOf(MadeUpForkCowRuns.NothingCompared()).Should().BeEquivalentTo<string[]>(
        [
            ["the child, compared with zeros, read zeros: all 4096 bytes checked were its"],
            ["the parent, compared with the child's buffer, read what the child wrote: all 4096 bytes checked were its"],
            ["the child, compared with the parent's second write, read the parent's second write: all 4096 bytes checked were its"]
        ], o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_write_that_was_not_read_back_leaves_the_never_reads_claims_unproven()
    {
        var run = MadeUpForkCowRuns.LinuxOnePage();
        var childNeverWrote = run with { Content = run.Content with { ReadBack = new ReadBacks(MadeUpForkCowRuns.Holds(), MadeUpForkCowRuns.Differs(0, 0xc4, 0xa1)) } };
        var parentNotReported = run with { Content = run.Content with { ReadBack = new ReadBacks(null, MadeUpForkCowRuns.Holds()) } };

        ForkContentClaims.ParentNeverReadsChildWrite(childNeverWrote).Violations.Should().Equal(
            "the child, reading back its own write, read something else: offset 0: read 0xa1, expected 0xc4");
        ForkContentClaims.ChildNeverReadsParentWrite(parentNotReported).Violations.Should().Equal(
            "the parent, reading back its second write, reported no content check");
    }

    [Fact]
    public void A_check_that_compared_less_than_the_buffer_is_no_evidence()
    {
        var run = MadeUpForkCowRuns.LinuxOnePage();
        var content = run.Content with
        {
            ChildReadsParentData = MadeUpForkCowRuns.Holds(0),
            ParentNeverReadsChildWrite = MadeUpForkCowRuns.Holds(4095),
            Controls = run.Content.Controls with { ChildAgainstParentWrite = MadeUpForkCowRuns.Differs(0, 0xa6, 0xc4, bytes: 1) },
        };

        ViolationsOf(run with { Content = content }).Should().BeEquivalentTo<string[]>(
        [
            ["the child checked no byte of the 4096-byte region"],
            ["the parent checked 4095 bytes of the 4096-byte region, not every byte once"],
            ["the child, compared with the parent's second write, checked 1 bytes of the 4096-byte region, not every byte once"]
        ], o => o.WithStrictOrdering());
    }

    [Fact]
    public void The_parents_reuse_is_claimed_only_of_a_run_pinned_to_one_cpu()
    {
        var run = MadeUpForkCowRuns.LinuxOnePage();
        LinuxForkClaims.Judge(ParentAfterWrite, run).Violations.Should().BeEmpty();

        var childElsewhere = run.Steps.Select(s => s.Step == ChildAfterWrite ? s with { PinnedCpu = 0 } : s).ToList();
        var parentUnpinned = run.Steps.Select(s => s.Step == ParentAfterWrite ? s with { CpusAllowed = 2, PinnedCpu = null } : s).ToList();

        LinuxForkClaims.Judge(ParentAfterWrite, run with { Steps = childElsewhere }).Violations.Should().Equal(
            "parent and child were not pinned to the same CPU: after-map on 1, after-write on 1, child-after-fork on 1, child-after-write on 0, parent-before-write on 1, parent-after-write on 1");
        LinuxForkClaims.Judge(ParentAfterWrite, run with { Steps = parentUnpinned }).Violations.Should().Contain(
            "parent-after-write: the parent was not pinned: it could run on 2 CPUs, not 1");
    }
}

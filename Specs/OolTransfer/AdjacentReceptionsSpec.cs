using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// Claim 6: two receptions in one receiver land side by side and their region grows: the
/// effect behind the article's cases 2, 5 and 6.
/// </summary>
public sealed class AdjacentReceptionsSpec
{
    static readonly OolTransferScenario TwoMessages = OolTransferScenario.TwoAdjacentReceptions;

    [SkippableFact]
    public void The_second_reception_lands_right_next_to_the_first()
    {
        XnuOnly.Require();
        var run = OolRuns.Of(TwoMessages);
        var span = (ulong)(run.DataPages * run.PageSize);
        var (first, second) = (run.Receiver.Messages[0].Descriptor.Address, run.Receiver.Messages[1].Descriptor.Address);

        (second == first + span || first == second + span).Should().BeTrue(
            "the kernel places the second payload adjacent to the first (first at +0, second at {0:+#;-#;0} bytes)", (long)second - (long)first);
    }

    [SkippableFact]
    public void The_region_grows_to_hold_both_receptions()
    {
        XnuOnly.Require();
        var run = OolRuns.Of(TwoMessages);
        var span = (ulong)(run.DataPages * run.PageSize);
        var before = run.Receiver.Messages[0].Step(OolSteps.Received).Region;
        var after = run.Receiver.Messages[1].Step(OolSteps.Received).Region;
        var data = run.Receiver.Messages.Select(m => m.Descriptor.Address).ToList();

        (after.End - after.Start).Should().BeGreaterThan(before.End - before.Start, "the second reception merges into the first one's region");
        after.Start.Should().BeLessThanOrEqualTo(data.Min());
        after.End.Should().BeGreaterThanOrEqualTo(data.Max() + span);
    }

    [SkippableFact]
    public void Both_receptions_match_the_approved_snapshot()
    {
        XnuOnly.Require();
        Lab.Snapshots.Verify(new SnapshotKey(OolTransferScenario.Family, TwoMessages.Case), TwoMessages.Render(OolRuns.Of(TwoMessages)));
    }
}

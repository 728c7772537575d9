using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// Two receptions in one receiver land side by side and their region grows to hold both:
/// the effect behind the article's merged regions.
/// </summary>
public sealed class AdjacentReceptionsSpec
{
    static readonly OolTransferScenario TwoMessages = OolTransferScenario.TwoAdjacentReceptions;

    [SkippableFact]
    public void The_second_reception_lands_right_next_to_the_first()
    {
        Requires.Xnu();
        var run = Observed.Of(TwoMessages);
        var span = (ulong)(run.DataPages * run.PageSize);
        var (first, second) = (run.Receiver.Messages[0].Descriptor.Address, run.Receiver.Messages[1].Descriptor.Address);

        (second == first + span || first == second + span).Should().BeTrue(
            "the kernel places the second payload adjacent to the first (first at +0, second at {0:+#;-#;0} bytes)", (long)second - (long)first);
    }

    [SkippableFact]
    public void The_region_grows_to_hold_both_receptions()
    {
        Requires.Xnu();
        var run = Observed.Of(TwoMessages);
        var span = (ulong)(run.DataPages * run.PageSize);
        var before = run.Receiver.Messages[0].Step(OolSteps.Received).Region;
        var after = run.Receiver.Messages[1].Step(OolSteps.Received).Region;
        var data = run.Receiver.Messages.Select(m => m.Descriptor.Address).ToList();

        (after.End - after.Start).Should().BeGreaterThan(before.End - before.Start, "the second reception merges into the first one's region");
        after.Start.Should().BeLessThanOrEqualTo(data.Min());
        after.End.Should().BeGreaterThanOrEqualTo(data.Max() + span);
    }

    [SkippableFact]
    public void Both_receptions_match_the_approved_snapshot() => Snapshot.Matches(TwoMessages);
}

using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// Two small receptions in one receiver land side by side and the kernel grows the first's
/// region to hold both: the effect behind the article's merged regions. The probe reports
/// such a merge rather than hiding it.
/// </summary>
public sealed class AdjacentReceptionsSpec
{
    static readonly OolTransferScenario TwoMessages = OolTransferScenario.TwoAdjacentReceptions;

    [SkippableFact]
    public void The_second_reception_lands_right_next_to_the_first()
    {
        Requires.Xnu();
        ClaimAssert.Holds(AdjacencyClaims.Adjacent(Observed.Of(TwoMessages)));
    }

    [SkippableFact]
    public void The_region_grows_to_hold_both_receptions()
    {
        Requires.Xnu();
        ClaimAssert.Holds(AdjacencyClaims.Merged(Observed.Of(TwoMessages)));
    }

    [SkippableFact]
    public void Both_receptions_match_the_approved_snapshot() => Snapshot.Matches(TwoMessages);
}

using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// Two small receptions in one receiver: where they land is observed (the snapshot says whether
/// the second is next to the first), and where they meet the kernel grows the first's region to
/// hold both, the effect behind the article's merged regions. The probe reports such a merge
/// rather than hiding it.
/// </summary>
public sealed class AdjacentReceptionsSpec
{
    static readonly OolTransferScenario TwoMessages = OolTransferScenario.TwoAdjacentReceptions;

    [SkippableFact]
    public void Where_two_receptions_meet_the_region_grows_to_hold_both()
    {
        Requires.KernelOf(TwoMessages);
        ClaimAssert.Holds(AdjacencyClaims.Merged(Observed.Of(TwoMessages)));
    }

    [SkippableFact]
    public void Both_receptions_match_the_approved_snapshot() => Snapshot.Matches(TwoMessages);
}

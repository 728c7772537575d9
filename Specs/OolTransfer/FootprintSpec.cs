using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// A large virtual copy of anonymous memory is not charged to the receiver's phys_footprint
/// when it arrives, and is charged in full once the receiver has written every page. 64 MiB by
/// default; OOLSPECS_LARGE_BYTES=268435456 (or 2147483648) for the article's sizes.
/// </summary>
public sealed class FootprintSpec
{
    static OolFootprint Charges()
    {
        Requires.KernelOf(OolFootprintScenario.FromEnvironment());
        return new OolFootprint(Observed.Of(OolFootprintScenario.FromEnvironment()));
    }

    [SkippableFact]
    public void A_large_virtual_copy_is_not_charged_to_the_receiver_until_it_writes() => ClaimAssert.Holds(FootprintClaims.Receiving(Charges()));

    [SkippableFact]
    public void Once_the_receiver_writes_every_page_it_is_charged_the_whole_payload() => ClaimAssert.Holds(FootprintClaims.Writing(Charges()));

    [SkippableFact]
    public void Both_tasks_charges_match_the_approved_snapshot() => Snapshot.Matches(OolFootprintScenario.FromEnvironment());
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// Claim 7: a large virtual copy is not charged to the receiver's phys_footprint until it
/// writes, and is once it has written every page. 64 MiB by default;
/// OOLSPECS_LARGE_BYTES=268435456 (or 2147483648) for the article's sizes.
/// </summary>
public sealed class FootprintSpec(FootprintSpec.Transfer transfer) : IClassFixture<FootprintSpec.Transfer>
{
    public sealed class Transfer
    {
        readonly Lazy<OolFootprint> result = new(() => OolFootprint.Observe(Lab.Probe, OolFootprint.BytesFromEnvironment()));

        public OolFootprint Result => result.Value;
    }

    [SkippableFact]
    public void A_large_virtual_copy_is_not_charged_to_the_receiver_until_it_writes()
    {
        XnuOnly.Require();
        transfer.Result.ReceiverCharge(OolSteps.Received).Should().Be(0.0m, "receiving maps the sender's pages without charging them");
    }

    [SkippableFact]
    public void Once_the_receiver_writes_every_page_it_is_charged_the_whole_payload()
    {
        XnuOnly.Require();
        transfer.Result.ReceiverCharge(OolSteps.AfterWrite).Should().Be(1.0m, "each written page is now the receiver's own");
    }

    [SkippableFact]
    public void Both_tasks_charges_match_the_approved_snapshot()
    {
        XnuOnly.Require();
        Lab.Snapshots.Verify(new SnapshotKey(OolTransferScenario.Family, transfer.Result.Case), transfer.Result.Render());
    }
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.OolTransfer;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// The OOL content claims ask, as every content claim does, that a check covered its whole
/// region: every byte the sender filled of each message received, and every byte of each
/// buffer the sender kept. Judged on made-up runs (<see cref="MadeUpRuns"/>).
/// </summary>
public sealed class OolContentCoverageTests
{
    const long Bytes = 3 * MadeUpRuns.PageSize;

    static OolTransferRun Run(Fill fill, long receiverChecked, long senderChecked)
    {
        var run = MadeUpRuns.Transfer(Bytes, 3, fill: fill);
        return run with { Content = new OolContent(new ContentCheck(true, receiverChecked, null), new ContentCheck(true, senderChecked, null)) };
    }

    [Fact]
    public void Checks_over_the_whole_region_satisfy_the_claims()
    {
        ContentClaims.ReceiverReadsOriginal(Run(Fill.All, Bytes, Bytes)).Violations.Should().BeEmpty();
        ContentClaims.ReceiverReadsOriginal(Run(Fill.First, MadeUpRuns.PageSize, Bytes)).Violations.Should().BeEmpty();
        ContentClaims.SenderNeverReadsReceiver(Run(Fill.First, MadeUpRuns.PageSize, Bytes)).Violations.Should().BeEmpty();
    }

    [Fact]
    public void A_check_that_compared_less_than_its_region_fails_the_claim()
    {
        ContentClaims.ReceiverReadsOriginal(Run(Fill.All, MadeUpRuns.PageSize, Bytes)).Violations.Should().Equal(
            "the receiver checked 16384 bytes of the 49152-byte region, not every byte once");
        ContentClaims.SenderNeverReadsReceiver(Run(Fill.All, Bytes, 0)).Violations.Should().Equal(
            "the sender checked no byte of the 49152-byte region");
    }
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// What the kernel does when a second small reception lands right next to the first: the effect
/// behind the article's merged regions. Where it lands is first-fit's choice of a free hole, which
/// the source does not promise to be the lowest: that is an observation (the snapshot's layout),
/// and the merge is claimed only where the two meet.
/// </summary>
public static class AdjacencyClaims
{
    public static readonly Claim RegionGrowsToHoldBoth =
        new(Kernel.Xnu, "where a second small reception lands right next to the first, the kernel grows the first's entry to hold both",
            KernelSource.Xnu(XnuFunctions.VmMapEnter.Because("coalesces with the entry below: tag 0, same protections, a null or unshared object, `NO_COALESCE_LIMIT`"), XnuFunctions.VmObjectCoalesce));

    public static ClaimVerdict Merged(OolTransferRun run)
    {
        if (!(run.AllSent && run.Receiver.Messages.Count == 2))
        {
            return new ClaimVerdict(RegionGrowsToHoldBoth)
                .Expect(false, $"{run.Receiver.Messages.Count} of the 2 messages arrived ({string.Join(", ", run.Sender.Select(s => s.SendResult))})");
        }

        var verdict = new ClaimVerdict(RegionGrowsToHoldBoth);
        if (ReceptionLayout.Of(run) is not (ReceptionPlacement.RightAfter or ReceptionPlacement.RightBefore))
        {
            return verdict.CannotTell("the second reception did not land next to the first, so nothing was there to merge: the layout is in the snapshot");
        }

        var span = (ulong)(run.DataPages * run.PageSize);
        var before = run.Receiver.Messages[0].Step(OolSteps.Received).Region;
        var after = run.Receiver.Messages[1].Step(OolSteps.Received).Region;
        var data = run.Receiver.Messages.Select(m => m.Descriptor.Address).ToList();
        return verdict
            .Expect(after.End - after.Start > before.End - before.Start, "the second reception's region is no larger than the first's")
            .Expect(after.Start <= data.Min() && after.End >= data.Max() + span, "the second reception's region does not hold both payloads")
            .Expect(!run.Receiver.Messages[1].RegionIsDataOnly, "the probe reports the second region as the data's alone");
    }
}

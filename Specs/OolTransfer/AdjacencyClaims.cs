using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>Where a second small reception lands in the same receiver: the effect behind the article's merged regions.</summary>
public static class AdjacencyClaims
{
    public static readonly Claim SecondReceptionLandsNextToTheFirst =
        new(Kernel.Xnu, "a second small reception lands right next to the first",
            KernelSource.Xnu(XnuFunctions.VmMapCopyoutKernelBuffer.Because("`vm_map_enter` anywhere: the first fit after the previous allocation")));

    public static readonly Claim RegionGrowsToHoldBoth =
        new(Kernel.Xnu, "and the kernel extends the first reception's entry to hold both, up to 128 KiB less one byte",
            KernelSource.Xnu(XnuFunctions.VmMapEnter.Because("coalesces with the entry below: tag 0, same protections, a null or unshared object, `NO_COALESCE_LIMIT`"), XnuFunctions.VmObjectCoalesce));

    public static ClaimVerdict Adjacent(OolTransferRun run)
    {
        if (BothReceived(run, SecondReceptionLandsNextToTheFirst) is { } missing)
        {
            return missing;
        }

        var span = (ulong)(run.DataPages * run.PageSize);
        var (first, second) = (run.Receiver.Messages[0].Descriptor.Address, run.Receiver.Messages[1].Descriptor.Address);
        return new ClaimVerdict(SecondReceptionLandsNextToTheFirst)
            .Expect(second == first + span || first == second + span, $"the second payload is at {(long)second - (long)first:+#;-#;0} bytes from the first, not next to it");
    }

    public static ClaimVerdict Merged(OolTransferRun run)
    {
        if (BothReceived(run, RegionGrowsToHoldBoth) is { } missing)
        {
            return missing;
        }

        var span = (ulong)(run.DataPages * run.PageSize);
        var before = run.Receiver.Messages[0].Step(OolSteps.Received).Region;
        var after = run.Receiver.Messages[1].Step(OolSteps.Received).Region;
        var data = run.Receiver.Messages.Select(m => m.Descriptor.Address).ToList();
        return new ClaimVerdict(RegionGrowsToHoldBoth)
            .Expect(after.End - after.Start > before.End - before.Start, "the second reception's region is no larger than the first's")
            .Expect(after.Start <= data.Min() && after.End >= data.Max() + span, "the second reception's region does not hold both payloads")
            .Expect(!run.Receiver.Messages[1].RegionIsDataOnly, "the probe reports the second region as the data's alone");
    }

    /// <summary>A failed verdict when the two messages did not both arrive; null when they did.</summary>
    static ClaimVerdict? BothReceived(OolTransferRun run, Claim claim) =>
        run.AllSent && run.Receiver.Messages.Count == 2
            ? null
            : new ClaimVerdict(claim).Expect(false, $"{run.Receiver.Messages.Count} of the 2 messages arrived ({string.Join(", ", run.Sender.Select(s => s.SendResult))})");
}

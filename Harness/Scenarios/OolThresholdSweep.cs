namespace OolSpecs.Harness.Scenarios;

/// <summary>One size of the sweep: the copy path it took, and what the receiver showed.</summary>
public sealed record ThresholdPoint(long Bytes, long Pages, CopyPath Path, int ReceiverTag, long ResidentPages, bool SameObjectAsSender)
{
    public static ThresholdPoint Of(OolTransferRun run)
    {
        var received = run.Receiver.Messages[0].Step(OolSteps.Received).Region;
        return new ThresholdPoint(run.Bytes, run.DataPages, CopyPaths.Of(run), received.UserTag, received.PagesResident, run.ReceiverMapsSendersObject());
    }

    /// <summary>Copied at send into a kernel buffer: the small-copy path.</summary>
    public bool KernelBuffer => Path == CopyPath.KernelBuffer;
}

/// <summary>One point per payload size, smallest first.</summary>
public sealed record OolThresholdSweep(IReadOnlyList<ThresholdPoint> Points)
{
    /// <summary>The largest size that went through a kernel buffer, in bytes; null when none did.</summary>
    public long? Threshold => Points.Where(p => p.KernelBuffer).Select(p => (long?)p.Bytes).Max();
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// What matters for security, on every copy path: after the send the two tasks' data are
/// separate. The sender overwrites its first page before the receiver reads, and the receiver
/// writes before the sender reads again.
/// </summary>
public static class ContentClaims
{
    public static readonly Claim ReceiverReadsTheBytesAsSent =
        new(Kernel.Xnu, "the receiver reads the bytes as they were at the send, although the sender overwrote them before the receiver looked",
            KernelSource.Xnu("`vm_map_copyin_internal` (a kernel buffer or a copy holds the bytes; a shared object is `needs_copy` in the sender, so its write faults in a copy: `vm_fault_page`)"));

    public static readonly Claim SenderNeverReadsTheReceiversWrites =
        new(Kernel.Xnu, "the sender never reads what the receiver writes into its copy",
            KernelSource.Xnu("`vm_map_copyout_internal` (the receiver's entry is `needs_copy` where it shares the sender's object), `vm_fault_page` (a write to it copies the page first)"));

    public static ClaimVerdict ReceiverReadsOriginal(OolTransferRun run) =>
        new ClaimVerdict(ReceiverReadsTheBytesAsSent).ReadsAsClaimed(run.Content.ReceiverReadsOriginal, "the receiver", ReceiverChecks(run));

    public static ClaimVerdict SenderNeverReadsReceiver(OolTransferRun run) =>
        new ClaimVerdict(SenderNeverReadsTheReceiversWrites).ReadsAsClaimed(run.Content.SenderNeverReadsReceiver, "the sender", SenderChecks(run));

    /// <summary>The receiver compares what the sender filled of every message it received.</summary>
    static long ReceiverChecks(OolTransferRun run) => run.Receiver.Messages.Sum(m => Filled(run, m.Descriptor.Size));

    /// <summary>
    /// The sender compares every byte of each buffer it kept after a send; of a malloc'ed block only
    /// what it filled (the rest is the allocator's).
    /// </summary>
    static long SenderChecks(OolTransferRun run) =>
        run.Dealloc ? 0 : run.Sender.Count(m => m.SendResult.Code == 0) * (run.Memory == MemoryKind.Malloc ? Filled(run, run.Bytes) : run.Bytes);

    /// <summary>The bytes the sender filled of a payload: the first page, or all of it.</summary>
    static long Filled(OolTransferRun run, long bytes) => run.Fill == Fill.All || bytes < run.PageSize ? bytes : run.PageSize;
}

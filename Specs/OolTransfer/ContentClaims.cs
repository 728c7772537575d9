using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// What matters for security, on every copy path: after the send the two tasks' data are
/// separate. A sender that keeps its buffer rewrites its first page while the message is queued
/// (before the receiver has received it) and again after the receive; the receiver reads its copy
/// after both, then writes its first page and the data's last page, which the sender never
/// rewrote, before the sender reads again. A sender that deallocates writes nothing after the send.
/// </summary>
public static class ContentClaims
{
    public static readonly Claim ReceiverReadsTheBytesAsSent =
        new(Kernel.Xnu, "the receiver reads the bytes as they were at the send, though the sender rewrote them while the message was queued",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("a kernel buffer or a copy holds the bytes; a shared object is `needs_copy` in the sender"), XnuFunctions.VmMapLookupAndLockObject.Because("so the sender's write gets a shadow"), XnuFunctions.VmFaultInternal.Because("whose fast path copies the page into it")));

    public static readonly Claim DeallocatedBytesReadAsSent =
        new(Kernel.Xnu, "with deallocate the receiver reads the bytes as they were at the send, and the sender writes nothing after it",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("`src_destroy`: the sender's entries are removed at send"), XnuFunctions.VmMapCopyoutInternal, XnuFunctions.VmMapCopyoutKernelBuffer));

    public static readonly Claim SenderNeverReadsTheReceiversWrites =
        new(Kernel.Xnu, "the sender never reads what the receiver writes into its copy",
            KernelSource.Xnu(XnuFunctions.VmMapCopyoutInternal.Because("the receiver's entry is `needs_copy` where it shares the sender's object"), XnuFunctions.VmMapLookupAndLockObject.Because("a write to it makes a shadow"), XnuFunctions.VmFaultInternal.Because("and its fast path copies the page first")));

    /// <summary>The content claims of a reception: a published table reports no content check.</summary>
    public static ClaimVerdict ReceiverReadsOriginal(Reception r) => r.Run is { } run ? ReceiverReadsOriginal(run) : NoContentCheck(ReceiverReadsTheBytesAsSent);

    public static ClaimVerdict DeallocatedReadsOriginal(Reception r) => r.Run is { } run ? DeallocatedReadsOriginal(run) : NoContentCheck(DeallocatedBytesReadAsSent);

    public static ClaimVerdict SenderNeverReadsReceiver(Reception r) => r.Run is { } run ? SenderNeverReadsReceiver(run) : NoContentCheck(SenderNeverReadsTheReceiversWrites);

    static ClaimVerdict NoContentCheck(Claim claim) => new ClaimVerdict(claim).CannotTell("no content check is known here");

    /// <summary>A kept buffer's sender must have written while queued and after the receive, or the check tests less than it says.</summary>
    public static ClaimVerdict ReceiverReadsOriginal(OolTransferRun run)
    {
        var verdict = new ClaimVerdict(ReceiverReadsTheBytesAsSent);
        foreach (var sent in run.Sender.Where(s => s.SendResult.Code == 0))
        {
            verdict
                .Expect(sent.Step(OolSteps.AfterQueuedWrite) is not null, $"message {sent.Message}: the sender reported no write while the message was queued")
                .Expect(sent.Step(OolSteps.AfterSenderWrite) is not null, $"message {sent.Message}: the sender reported no write after the receive");
        }

        return verdict.ReadsAsClaimed(run.Content.ReceiverReadsOriginal, "the receiver", ReceiverChecks(run));
    }

    /// <summary>With deallocate the sender has nothing to write: a step after the send would mean it still had a buffer.</summary>
    public static ClaimVerdict DeallocatedReadsOriginal(OolTransferRun run)
    {
        var verdict = new ClaimVerdict(DeallocatedBytesReadAsSent)
            .Expect(run.Dealloc, "the sender kept its buffer: this claim is about deallocating sends");
        foreach (var sent in run.Sender.Where(s => s.SendResult.Code == 0))
        {
            verdict.Expect(sent.Steps.Count == 1, $"message {sent.Message}: the sender reported {sent.Steps.Count - 1} step(s) after the send of a deallocated buffer");
        }

        return verdict.ReadsAsClaimed(run.Content.ReceiverReadsOriginal, "the receiver", ReceiverChecks(run));
    }

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

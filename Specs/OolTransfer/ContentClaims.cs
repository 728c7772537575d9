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
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("a kernel buffer or a copy holds the bytes; a shared object is `needs_copy` in the sender"), XnuFunctions.VmMapLookupAndLockObject.Because("so the sender's write gets a shadow"), XnuFunctions.VmFaultInternal.Because("whose fast path copies the page into it")));

    public static readonly Claim SenderNeverReadsTheReceiversWrites =
        new(Kernel.Xnu, "the sender never reads what the receiver writes into its copy",
            KernelSource.Xnu(XnuFunctions.VmMapCopyoutInternal.Because("the receiver's entry is `needs_copy` where it shares the sender's object"), XnuFunctions.VmMapLookupAndLockObject.Because("a write to it makes a shadow"), XnuFunctions.VmFaultInternal.Because("and its fast path copies the page first")));

    public static ClaimVerdict ReceiverReadsOriginal(OolTransferRun run) =>
        new ClaimVerdict(ReceiverReadsTheBytesAsSent).ReadsAsClaimed(run.Content.ReceiverReadsOriginal, "the receiver");

    public static ClaimVerdict SenderNeverReadsReceiver(OolTransferRun run) =>
        new ClaimVerdict(SenderNeverReadsTheReceiversWrites).ReadsAsClaimed(run.Content.SenderNeverReadsReceiver, "the sender");
}

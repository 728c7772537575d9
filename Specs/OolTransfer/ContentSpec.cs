namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// After a transfer the two tasks' data are separate, on every copy path: a theory over every
/// case of <see cref="OolTransferCases"/>.
/// Allocation: each case's own (purgeable and anonymous <c>vm_allocate</c>, malloc <c>posix_memalign</c>).
/// Probe: <c>oolprobe ool-transfer … --fill first --receiver-fill first --messages 1</c>. A sender that keeps its buffer
/// rewrites its first page while the message is queued (the time-of-check-to-time-of-use window) and again after the receive;
/// the receiver then reads its copy, and writes its first page and the data's last page, which the sender never rewrote,
/// before the sender reads again. A sender that deallocates writes nothing after the send.
/// A mismatch names the message, the offset and both bytes.
/// </summary>
public sealed class ContentSpec
{
    public static TheoryData<string> Kept => OolTransferCases.All.Under(ContentClaims.ReceiverReadsTheBytesAsSent);

    public static TheoryData<string> Deallocated => OolTransferCases.All.Under(ContentClaims.DeallocatedBytesReadAsSent);

    public static TheoryData<string> KeptAndWrittenBack => OolTransferCases.All.Under(ContentClaims.SenderNeverReadsTheReceiversWrites);

    [SkippableTheory]
    [MemberData(nameof(Kept))]
    public void The_receiver_reads_the_bytes_as_at_the_send_though_the_sender_rewrote_them_while_queued(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, ContentClaims.ReceiverReadsTheBytesAsSent));

    [SkippableTheory]
    [MemberData(nameof(Deallocated))]
    public void With_deallocate_the_receiver_reads_the_bytes_as_at_the_send(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, ContentClaims.DeallocatedBytesReadAsSent));

    [SkippableTheory]
    [MemberData(nameof(KeptAndWrittenBack))]
    public void The_sender_never_reads_what_the_receiver_writes(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, ContentClaims.SenderNeverReadsTheReceiversWrites));
}

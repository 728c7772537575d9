namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// After a transfer the two tasks' data are separate, on every copy path. A sender that keeps
/// its buffer rewrites it while the message is queued and again after the receive, and the
/// receiver still reads the bytes as they were at the send; the sender never reads what the
/// receiver writes, on a page it rewrote or on one it never did. With deallocate the sender
/// writes nothing after the send and the receiver reads the bytes as sent. A mismatch names the
/// message, the offset and both bytes.
/// </summary>
public sealed class ContentSpec
{
    public static TheoryData<string> KeptCases => OolCases.Where(c => !c.Dealloc);

    public static TheoryData<string> DeallocatedCases => OolCases.Where(c => c.Dealloc);

    [SkippableTheory]
    [MemberData(nameof(KeptCases))]
    public void The_receiver_reads_the_bytes_as_at_the_send_though_the_sender_rewrote_them_while_queued(string @case) =>
        ClaimAssert.Holds(ContentClaims.ReceiverReadsOriginal(OolCases.Observe(@case).Run));

    [SkippableTheory]
    [MemberData(nameof(DeallocatedCases))]
    public void With_deallocate_the_receiver_reads_the_bytes_as_at_the_send(string @case) =>
        ClaimAssert.Holds(ContentClaims.DeallocatedReadsOriginal(OolCases.Observe(@case).Run));

    [SkippableTheory]
    [MemberData(nameof(KeptCases))]
    public void The_sender_never_reads_what_the_receiver_writes(string @case) =>
        ClaimAssert.Holds(ContentClaims.SenderNeverReadsReceiver(OolCases.Observe(@case).Run));
}

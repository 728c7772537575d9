namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// After a transfer the two tasks' data are separate, on every copy path: the receiver reads
/// the bytes as they were sent although the sender overwrote them first, and the sender never
/// reads what the receiver writes. A mismatch names the message, the offset and both bytes.
/// </summary>
public sealed class ContentSpec
{
    public static TheoryData<string> EveryCase => OolCases.Every;

    public static TheoryData<string> KeptCases => OolCases.Where(c => !c.Dealloc);

    [SkippableTheory]
    [MemberData(nameof(EveryCase))]
    public void The_receiver_reads_the_bytes_as_sent_though_the_sender_overwrote_them(string @case) =>
        ClaimAssert.Holds(ContentClaims.ReceiverReadsOriginal(OolCases.Observe(@case).Run));

    [SkippableTheory]
    [MemberData(nameof(KeptCases))]
    public void The_sender_never_reads_what_the_receiver_writes(string @case) =>
        ClaimAssert.Holds(ContentClaims.SenderNeverReadsReceiver(OolCases.Observe(@case).Run));
}

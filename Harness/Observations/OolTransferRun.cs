using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Observations;

/// <summary>
/// What `oolprobe ool-transfer` reports: one sender task sends <see cref="Messages"/> Mach
/// messages, each carrying one out-of-line descriptor of <see cref="Memory"/>, to a receiver
/// task it spawned; both look at the memory at each step and read back its content.
/// </summary>
[Probe.ProbeOutput("ool-transfer", Kernel.Xnu)]
public sealed record OolTransferRun(
    string Scenario,
    Kernel Kernel,
    long PageSize,
    MemoryKind Memory,
    CopyOption Copy,
    bool Dealloc,
    long Bytes,
    Fill Fill,
    Fill ReceiverFill,
    int Messages,
    IReadOnlyList<OolSenderMessage> Sender,
    OolReceiver Receiver,
    OolContent Content)
{
    /// <summary>
    /// The payload's bytes in whole pages. A payload that starts mid-page (a malloc'ed block) spans one
    /// page more; the spans computed from this are for page-aligned memory.
    /// </summary>
    public long DataPages => (Bytes + PageSize - 1) / PageSize;

    /// <summary>
    /// Whether the receiver's data of message <paramref name="message"/>, right after it was
    /// received, is the very VM object the sender filled (the entry's own object, object_id_full):
    /// a copy made at send cannot be.
    /// </summary>
    public bool ReceiverMapsSendersObject(int message = 1) =>
        Receiver.Messages[message - 1].Step(OolSteps.Received).Region.EntryObject ==
        Sender[message - 1].StepOrFail(OolSteps.BeforeSend).Region.EntryObject;

    /// <summary>Whether every message was accepted by the kernel at send.</summary>
    public bool AllSent => Sender.All(s => s.SendResult.Code == 0);
}

/// <summary>The sender's buffer of one message, observed at each step it still exists.</summary>
public sealed record OolSenderMessage(
    int Message,
    ulong Buffer,
    long PayloadOffsetInPage,
    int? PurgeableState,
    SendResult SendResult,
    IReadOnlyList<TaskRegionStep> Steps)
{
    public TaskRegionStep? Step(string name) => Steps.SingleOrDefault(s => s.Step == name);

    public TaskRegionStep StepOrFail(string name) =>
        Step(name) ?? throw new InvalidOperationException($"The sender reported no {name} step for message {Message}.");
}

/// <summary>What mach_msg returned for the send: the raw code and, where the probe knows it, its name.</summary>
public sealed record SendResult(long Code, string? Name)
{
    public override string ToString() => Name ?? $"0x{Code:x}";
}

/// <summary>The receiver: its footprint before it received (null when nothing was sent), and each message.</summary>
public sealed record OolReceiver(long? FootprintBeforeReceive, IReadOnlyList<OolReceivedMessage> Messages);

/// <summary>
/// One received message: its descriptor as the receiver read it, and the region behind the data.
/// <see cref="RegionIsDataOnly"/> is false where the region holds more than the data's pages
/// (the kernel merged it with a neighbour, or split it).
/// </summary>
public sealed record OolReceivedMessage(
    int Message,
    OolDescriptor Descriptor,
    long PayloadOffsetInPage,
    bool RegionIsDataOnly,
    IReadOnlyList<TaskRegionStep> Steps)
{
    public TaskRegionStep Step(string name) =>
        Steps.SingleOrDefault(s => s.Step == name)
        ?? throw new InvalidOperationException($"Received message {Message} has no step '{name}'.");
}

/// <summary>The descriptor's fields as received; <see cref="RawCopy"/> is the raw mach_msg_copy_options_t.</summary>
public sealed record OolDescriptor(ulong Address, long Size, int RawCopy, bool Deallocate)
{
    public CopyOption Copy => (CopyOption)RawCopy;
}

/// <summary>
/// A task's memory behind a buffer at one step: the region (entry-wide, and for a malloc'ed
/// payload shared with the allocator's other blocks), the VM object at the bottom of its shadow
/// chain (VM_REGION_TOP_INFO's obj_id), the task's footprint, and the payload's own pages.
/// </summary>
public sealed record TaskRegionStep(string Step, XnuRegion Region, ulong ChainBottomObjectId, long PhysFootprint, PayloadPages Payload);

/// <summary>The pages covering the payload itself, counted from mincore: what belongs to the data whatever region holds it.</summary>
public sealed record PayloadPages(long Pages, long Resident, long Dirty, long Referenced, long Copied, long PagedOut, long Anonymous);

/// <summary>
/// The content checks: the receiver read the bytes as they were at the send, although a sender
/// that kept its buffer rewrote its first page while the message was queued and again after it
/// was received; the sender never read the receiver's writes, which reach a page the sender never
/// rewrote (null with deallocate: the sender has no buffer and writes nothing). Null where
/// nothing was sent.
/// </summary>
public sealed record OolContent(ContentCheck? ReceiverReadsOriginal, ContentCheck? SenderNeverReadsReceiver);

/// <summary>The step names of ool-transfer, in the order they happen.</summary>
public static class OolSteps
{
    public const string BeforeSend = "before-send";
    public const string Queued = "queued";
    /// <summary>The sender has rewritten its first page while the message waits in the receiver's queue.</summary>
    public const string AfterQueuedWrite = "after-queued-write";
    public const string Received = "received";
    public const string AfterReceive = "after-receive";
    public const string AfterSenderWrite = "after-sender-write";
    public const string AfterWrite = "after-write";
    public const string AfterReceiverWrite = "after-receiver-write";
}

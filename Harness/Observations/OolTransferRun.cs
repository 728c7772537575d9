using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Observations;

/// <summary>
/// What `oolprobe ool-transfer` reports: one sender task sends <see cref="Messages"/> Mach
/// messages, each carrying one out-of-line descriptor, to a receiver task it spawned.
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
    OolReceiver Receiver)
{
    /// <summary>The payload in whole pages, as the kernel maps it.</summary>
    public long DataPages => (Bytes + PageSize - 1) / PageSize;

    /// <summary>
    /// Whether message 1, right after it was received, is backed by the same VM object the
    /// sender filled: a copy made at send time cannot be.
    /// </summary>
    public bool ReceiverMapsSendersObject =>
        Receiver.Messages[0].Step(OolSteps.Received).ChainBottomObjectId ==
        (Sender[0].Step(OolSteps.BeforeSend) ?? throw new InvalidOperationException("The sender reported no before-send step.")).ChainBottomObjectId;
}

/// <summary>The sender's buffer of one message, observed at each step it still exists.</summary>
public sealed record OolSenderMessage(int Message, ulong Buffer, IReadOnlyList<TaskRegionStep> Steps)
{
    public TaskRegionStep? Step(string name) => Steps.SingleOrDefault(s => s.Step == name);
}

public sealed record OolReceiver(long FootprintBeforeReceive, IReadOnlyList<OolReceivedMessage> Messages);

/// <summary>One received message: its descriptor as the receiver read it, and the region behind the data.</summary>
public sealed record OolReceivedMessage(int Message, OolDescriptor Descriptor, IReadOnlyList<TaskRegionStep> Steps)
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
/// A task's region behind a buffer at one step, with the VM object at the bottom of its shadow
/// chain (VM_REGION_TOP_INFO's obj_id) and the task's footprint.
/// </summary>
public sealed record TaskRegionStep(string Step, XnuRegion Region, ulong ChainBottomObjectId, long PhysFootprint);

/// <summary>The step names of ool-transfer, in the order they happen.</summary>
public static class OolSteps
{
    public const string BeforeSend = "before-send";
    public const string Queued = "queued";
    public const string AfterReceive = "after-receive";
    public const string AfterReceiverWrite = "after-receiver-write";
    public const string AfterSenderWrite = "after-sender-write";
    public const string Received = "received";
    public const string AfterWrite = "after-write";
}

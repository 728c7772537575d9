using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// One OOL transfer: the sender allocates, writes the first page (or all), and sends the
/// buffer in <see cref="Messages"/> messages' OOL descriptors to a receiver it spawned.
/// </summary>
public sealed record OolTransferScenario(
    MemoryKind Memory,
    CopyOption Copy,
    OolSize Size,
    bool Dealloc,
    Fill Fill = Fill.First,
    Fill ReceiverFill = Fill.First,
    int Messages = 1) : ProbeScenario<OolTransferRun>, IScenario
{
    public const string FamilyName = "OolTransfer";

    /// <summary>Every OolTransfer scenario's reason to need XNU, so the skip summary counts the family once.</summary>
    public const string NeedsMachMessages =
        "Mach messages exist only on XNU. On this kernel `dotnet test` checks the OOL claims against the article's published table instead (PublishedTables); the other XNU claims cite the source they follow and need a Mac to be observed";

    /// <summary>Two one-page receptions into one receiver: where adjacent receptions coalesce.</summary>
    public static readonly OolTransferScenario TwoAdjacentReceptions = new(MemoryKind.Anonymous, CopyOption.Virtual, OolSize.Pages(1), Dealloc: false, Messages: 2);

    [Observed("ool-coalesce", "two receptions landing side by side in one receiver")]
    public static IEnumerable<IScenario> Coalescing => [TwoAdjacentReceptions];

    public override string Family => FamilyName;

    public override IReadOnlyList<Kernel> Kernels => [Kernel.Xnu];

    public string WhyOnlyItsKernels => NeedsMachMessages;

    public override string Case => string.Join('-', new[]
    {
        ProbeWords.Of(Memory), ProbeWords.Of(Copy), Size.Name, Dealloc ? "free" : "no-free",
        Fill == Fill.All ? "fill-all" : null,
        ReceiverFill == Fill.All ? "receiver-fill-all" : null,
        Messages > 1 ? $"{Messages}-messages" : null,
    }.Where(part => part is not null));

    public override IReadOnlyList<string> Arguments =>
    [
        "ool-transfer", "--memory", ProbeWords.Of(Memory), "--copy", ProbeWords.Of(Copy), .. Size.Arguments, "--dealloc", Dealloc ? "yes" : "no",
        "--fill", ProbeWords.Of(Fill), "--receiver-fill", ProbeWords.Of(ReceiverFill), "--messages", Normalise.Count(Messages),
    ];

    /// <summary>
    /// A summary (send result, copy path, content), then the receiver's view (descriptor,
    /// region, payload), then the sender's, every step a table. A malloc'ed payload shares its
    /// region with the allocator's other blocks: there the sender's region-wide counts and bounds
    /// are left out (they depend on the heap, not the kernel) and what is kept is marked region-wide.
    /// The same holds for any region that reaches past its payload's pages (the kernel merged it
    /// with a neighbour, `vm_map_enter`'s coalescing): what else it holds depends on the task's
    /// layout, so the step says which of the run's payloads it holds instead of its bounds.
    /// Objects are lettered by <see cref="OolObjects"/>, never merged by a reused id.
    /// </summary>
    public override string Render(OolTransferRun observation)
    {
        var run = observation;
        var report = new MarkdownReport().Heading(1, $"OOL transfer: {Case}");
        report.Paragraph(
            $"`{Command}`: {run.Bytes} bytes ({run.DataPages} page(s) of {run.PageSize / 1024} KiB) of {ProbeWords.Of(run.Memory)} memory. " +
            "Regions are placed relative to each message's data, in pages; a region that reaches past its data's pages is shown by its entry-wide facts " +
            "and the payloads it holds, since its bounds depend on the task's layout. VM objects are lettered in the order they first appear, " +
            "the same letter in both tasks being the same object; a receiver's object that took the id of a buffer the sender deallocated is another object.");
        var identities = new OolObjects(run);
        var letters = new IdentityLabels<VmObject>();
        string InSender(ulong id) => letters.For(identities.InSender(id));
        string InReceiver(ulong id) => letters.For(identities.InReceiver(id));
        foreach (var sent in run.Sender)
        {
            // Letter the sender's objects first, so "A" is always the sender's buffer.
            InSender(sent.Steps[0].Region.EntryObject);
        }

        KeyTableOn(run.Kernel).Write(report, SummaryFacts(run));
        var received = run.Receiver.Messages.Select(m => new Payload(m.Message, m.Descriptor.Address, (ulong)m.Descriptor.Size)).ToList();
        foreach (var message in run.Receiver.Messages)
        {
            report.Heading(2, $"Receiver: message {message.Message} descriptor");
            report.Facts(DescriptorFacts(message));
            foreach (var step in message.Steps)
            {
                report.Heading(2, $"Receiver: message {message.Message} {step.Step}");
                report.Facts(StepFacts(step, received[message.Message - 1], received, run.PageSize, InReceiver, sharesItsRegion: false));
            }
        }

        var sentPayloads = run.Sender.Select(m => new Payload(m.Message, m.Buffer, (ulong)run.Bytes)).ToList();
        foreach (var sent in run.Sender)
        {
            foreach (var step in sent.Steps)
            {
                report.Heading(2, $"Sender: message {sent.Message} {step.Step}");
                report.Facts(StepFacts(step, sentPayloads[sent.Message - 1], sentPayloads, run.PageSize, InSender, sharesItsRegion: run.Memory == MemoryKind.Malloc));
            }

            if (sent.SendResult.Code != 0)
            {
                report.Paragraph($"The kernel refused the send ({sent.SendResult}): the sender keeps its buffer and there is nothing to receive.");
            }
            else if (run.Dealloc)
            {
                report.Paragraph("The sender deallocated the buffer with the message: it has no region to show after the send.");
            }
        }

        return report.ToString();
    }

    /// <summary>One message's data in one task: where its bytes start, and how many.</summary>
    sealed record Payload(int Message, ulong Address, ulong Bytes)
    {
        public bool Overlaps(XnuRegion region) => Address < region.End && region.Start < Address + Bytes;

        /// <summary>Whether the region reaches past the pages this payload's bytes touch.</summary>
        public bool IsPassedBy(XnuRegion region, long pageSize)
        {
            var page = (ulong)pageSize;
            var first = Address / page * page;
            var end = (Address + Bytes + page - 1) / page * page;
            return region.Start < first || region.End > end;
        }
    }

    /// <summary>What the behaviour matrix compares across releases: the summary's facts (each message's send and copy path).</summary>
    [DeclaresKeyTable(typeof(OolTransferScenario))]
    public static KeyTable KeyTableOn(Kernel kernel) => KeyTable.Facts("Summary");

    static IEnumerable<(string Name, string Value)> SummaryFacts(OolTransferRun run)
    {
        foreach (var sent in run.Sender)
        {
            yield return ($"message {sent.Message} send", sent.SendResult.ToString());
            yield return ($"message {sent.Message} copy path", CopyPaths.Of(run, sent.Message).InWords());
            if (sent.PurgeableState is { } state)
            {
                yield return ($"message {sent.Message} purgeable state (raw)", Normalise.Count(state));
            }
        }

        if (run.Receiver.Messages.Count > 1)
        {
            yield return ("message 2 lands", ReceptionLayout.Of(run).InWords());
        }

        yield return ("receiver reads the bytes as sent", ContentFacts.Of(run.Content.ReceiverReadsOriginal, "nothing was received"));
        yield return ("sender never reads the receiver's writes", ContentFacts.Of(run.Content.SenderNeverReadsReceiver, "the sender kept no buffer"));
    }

    static IEnumerable<(string Name, string Value)> DescriptorFacts(OolReceivedMessage received)
    {
        yield return ("copy", received.Descriptor.Copy.ArticleName());
        yield return ("size (bytes)", Normalise.Count(received.Descriptor.Size));
        yield return ("deallocate", Normalise.YesNo(received.Descriptor.Deallocate));
        yield return ("data offset in its page (bytes)", Normalise.Count(received.PayloadOffsetInPage));
        yield return ("region holds the data only", Normalise.YesNo(received.RegionIsDataOnly));
    }

    static IEnumerable<(string Name, string Value)> StepFacts(
        TaskRegionStep step, Payload payload, IReadOnlyList<Payload> payloads, long pageSize, Func<ulong, string> objectLetter, bool sharesItsRegion)
    {
        var merged = !sharesItsRegion && payload.IsPassedBy(step.Region, pageSize);
        var region = sharesItsRegion || merged
            ? XnuRegionFacts.EntryWide(step.Region, objectLetter).Select(f => (f.Name + " (region-wide)", f.Value))
            : XnuRegionFacts.Of(step.Region, payload.Address, pageSize, objectLetter);
        if (merged)
        {
            var held = payloads.Where(p => p.Overlaps(step.Region)).Select(p => Normalise.Count(p.Message));
            region = region
                .Prepend(("payloads in the region (messages)", string.Join(", ", held)))
                .Prepend(("region", "reaches past the data's pages: merged with a neighbour, bounds and counts left out"));
        }

        return region
            .Append(("bottom of the shadow chain", step.ChainBottomObjectId == 0 ? "none" : objectLetter(step.ChainBottomObjectId)))
            .Append(("payload pages", Normalise.Count(step.Payload.Pages)))
            .Append(("payload resident", Normalise.Count(step.Payload.Resident)))
            .Append(("payload dirty", Normalise.Count(step.Payload.Dirty)))
            .Append(("payload copied into the entry's own object", Normalise.Count(step.Payload.Copied)));
    }
}

/// <summary>
/// What `oolprobe ool-transfer` reports: one sender task sends <see cref="Messages"/> Mach
/// messages, each carrying one out-of-line descriptor of <see cref="Memory"/>, to a receiver
/// task it spawned; both look at the memory at each step and read back its content.
/// </summary>
[ProbeOutput("ool-transfer", Kernel.Xnu)]
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
    public TaskRegionStep Step(string name) => Steps.Named(name, $"Received message {Message}");
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
public sealed record TaskRegionStep(string Step, XnuRegion Region, ulong ChainBottomObjectId, long PhysFootprint, PayloadPages Payload) : INamedStep;

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

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// Hand-made ool-transfer runs for testing the harness's policy (copy paths, fractions,
/// rendering). They stand for no kernel: the specs only ever judge real probe output.
/// </summary>
static class MadeUpRuns
{
    public const long PageSize = 16384;
    public const int SendersTag = 240;
    const ulong SenderBuffer = 0x100000000;
    const ulong ReceivedData = 0x200000000;

    public static XnuRegion Region(ulong start, long pages, long resident, int shareMode = 2, long refCount = 1, ulong objectId = 7, int userTag = SendersTag) =>
        new(start, start + (ulong)(pages * PageSize), 0, 3, 7, 1, 0, userTag, resident, 0, 0, resident, refCount, 0, 0, shareMode, false, 0, objectId, 0, 0, objectId);

    static TaskRegionStep Step(string name, XnuRegion region, long footprint) =>
        new(name, region, region.EntryObject, footprint, new PayloadPages((long)((region.End - region.Start) / PageSize), region.PagesResident, region.PagesDirtied, 0, 0, 0, 0));

    public static OolTransferRun Transfer(
        long bytes, long receivedResident, ulong senderObject = 1, ulong receiverObject = 2, int receiverTag = SendersTag,
        long footprintBefore = 0, long footprintReceived = 0, long footprintWritten = 0, Fill fill = Fill.First, long sendResult = 0, int senderTag = SendersTag,
        bool dealloc = false)
    {
        var pages = (bytes + PageSize - 1) / PageSize;
        var sent = Step(OolSteps.BeforeSend, Region(SenderBuffer, pages, 1, objectId: senderObject, userTag: senderTag), 1000);
        var sender = new OolSenderMessage(1, SenderBuffer, 0, null, new SendResult(sendResult, sendResult == 0 ? "MACH_MSG_SUCCESS" : null),
        sendResult != 0 || dealloc ? [sent] :
        [
            sent,
            sent with { Step = OolSteps.Queued },
            sent with { Step = OolSteps.AfterQueuedWrite },
            sent with { Step = OolSteps.AfterReceive },
            sent with { Step = OolSteps.AfterSenderWrite },
            sent with { Step = OolSteps.AfterReceiverWrite },
        ]);
        var received = Step(OolSteps.Received, Region(ReceivedData, pages, receivedResident, objectId: receiverObject, userTag: receiverTag), footprintReceived);
        var receiver = new OolReceiver(sendResult != 0 ? null : footprintBefore, sendResult != 0 ? [] :
        [
            new OolReceivedMessage(1, new OolDescriptor(ReceivedData, bytes, 1, true), 0, true,
            [
                received,
                received with { Step = OolSteps.AfterWrite, PhysFootprint = footprintWritten },
            ]),
        ]);
        // The receiver compares what the sender filled; a sender that kept its buffer compares all of it.
        var filled = fill == Fill.All || bytes < PageSize ? bytes : PageSize;
        var content = sendResult != 0 ? new OolContent(null, null) : new OolContent(new ContentCheck(true, filled, null), dealloc ? null : new ContentCheck(true, bytes, null));
        return new OolTransferRun("ool-transfer", Kernel.Xnu, PageSize, MemoryKind.Anonymous, CopyOption.Virtual, dealloc, bytes, fill, Fill.First, 1, [sender], receiver, content);
    }
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// Hand-made ool-transfer runs for testing the harness's policy (verdicts, fractions,
/// rendering). They stand for no kernel: the specs only ever judge real probe output.
/// </summary>
static class MadeUpRuns
{
    public const long PageSize = 16384;
    const ulong SenderBuffer = 0x100000000;
    const ulong ReceivedData = 0x200000000;

    public static XnuRegion Region(ulong start, long pages, long resident, int shareMode = 2, long refCount = 1, ulong objectId = 7) =>
        new(start, start + (ulong)(pages * PageSize), 0, 3, 7, 1, 0, 240, resident, 0, 0, resident, refCount, 0, 0, shareMode, false, 0, objectId, 0, 0);

    public static OolTransferRun Transfer(
        long bytes, long receivedResident, ulong senderObject = 1, ulong receiverObject = 2,
        long footprintBefore = 0, long footprintReceived = 0, long footprintWritten = 0, Fill fill = Fill.First)
    {
        var pages = (bytes + PageSize - 1) / PageSize;
        var sent = new TaskRegionStep(OolSteps.BeforeSend, Region(SenderBuffer, pages, 1, objectId: senderObject), senderObject, 1000);
        var sender = new OolSenderMessage(1, SenderBuffer,
        [
            sent,
            sent with { Step = OolSteps.Queued },
            sent with { Step = OolSteps.AfterReceive },
            sent with { Step = OolSteps.AfterReceiverWrite },
            sent with { Step = OolSteps.AfterSenderWrite },
        ]);
        var received = new TaskRegionStep(OolSteps.Received, Region(ReceivedData, pages, receivedResident, objectId: receiverObject), receiverObject, footprintReceived);
        var receiver = new OolReceiver(footprintBefore,
        [
            new OolReceivedMessage(1, new OolDescriptor(ReceivedData, bytes, 1, false),
            [
                received,
                received with { Step = OolSteps.AfterWrite, PhysFootprint = footprintWritten },
            ]),
        ]);
        return new OolTransferRun("ool-transfer", Kernel.Xnu, PageSize, MemoryKind.Anonymous, CopyOption.Virtual, false, bytes, fill, Fill.First, 1, [sender], receiver);
    }
}

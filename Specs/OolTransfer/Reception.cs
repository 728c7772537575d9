using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// One received OOL payload as every OOL claim of a case reads it: from a live run
/// (<see cref="Of"/>), or from a row of the article's published table
/// (Specs/PublishedTables/PublishedOolTable.cs). What the source cannot tell is null, and a claim
/// that needs it says it cannot tell, never passes: the article's table publishes no user_tag, no
/// object identity, no deallocate bit, no sender's region and no content check.
/// </summary>
/// <param name="Case">What was sent.</param>
/// <param name="ReceivedCopy">The copy field the receiver read.</param>
/// <param name="ShareMode">The receiver's region right after the receive.</param>
/// <param name="RefCount">Its VM object's ref_count.</param>
/// <param name="DataResident">The data's own resident pages (a region merged with neighbours less theirs).</param>
/// <param name="ReceivedDeallocate">The deallocate bit the receiver read.</param>
/// <param name="Path">The copy path read from both tasks' user_tags and objects (<see cref="CopyPaths"/>).</param>
/// <param name="SendersTag">The sender's region's user_tag before the send.</param>
/// <param name="MapsSendersObject">Whether the receiver maps the sender's own VM object.</param>
/// <param name="SenderBeforeSend">The sender's region before the send.</param>
/// <param name="SenderQueued">The sender's region while the message is queued (none after a deallocating send).</param>
/// <param name="Run">The whole run, for the content checks.</param>
public sealed record Reception(
    OolCase Case,
    CopyOption ReceivedCopy,
    XnuShareMode ShareMode,
    long RefCount,
    long DataResident,
    bool? ReceivedDeallocate = null,
    CopyPath? Path = null,
    int? SendersTag = null,
    bool? MapsSendersObject = null,
    XnuRegion? SenderBeforeSend = null,
    XnuRegion? SenderQueued = null,
    OolTransferRun? Run = null)
{
    public long DataPages => Case.Article.Pages;

    /// <summary>The sender writes its first page only: the pages a copy that copies nothing more holds.</summary>
    public long TouchedPages => Math.Min(1, DataPages);

    /// <summary>A live reception: message 1 of the run, looked at right after it was received.</summary>
    public static Reception Of(OolCase @case, OolTransferRun run)
    {
        var received = run.Receiver.Messages[0];
        var step = received.Step(OolSteps.Received);
        var sent = run.Sender[0];
        var before = sent.StepOrFail(OolSteps.BeforeSend).Region;
        return new Reception(
            @case,
            received.Descriptor.Copy,
            step.Region.Mode,
            step.Region.RefCount,
            step.Payload.Resident,
            received.Descriptor.Deallocate,
            CopyPaths.Of(run),
            before.UserTag,
            run.ReceiverMapsSendersObject(),
            before,
            sent.Step(OolSteps.Queued)?.Region,
            run);
    }
}

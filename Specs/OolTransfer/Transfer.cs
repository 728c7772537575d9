using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>One observed case, with the views the claims read: message 1 as received, and the sender's steps.</summary>
public sealed record Transfer(OolCase Case, OolTransferRun Run)
{
    public TaskRegionStep Received => Run.Receiver.Messages[0].Step(OolSteps.Received);

    public OolDescriptor Descriptor => Run.Receiver.Messages[0].Descriptor;

    public TaskRegionStep SenderAt(string step) => Run.Sender[0].StepOrFail(step);

    public int SendersTag => SenderAt(OolSteps.BeforeSend).Region.UserTag;

    public CopyPath Path => CopyPaths.Of(Run);

    /// <summary>The sender asked for its first page only to be written: the pages a copy that copies nothing more holds.</summary>
    public long TouchedPages => Math.Min(1, Run.DataPages);

    /// <summary>The reception as the article's claims judge it (region-level facts).</summary>
    public Reception Reception => Reception.Of(Run, SentOptions.Of(Case.Article));
}

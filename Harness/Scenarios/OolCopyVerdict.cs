using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// Whether the kernel copied an OOL payload eagerly (into fresh memory at send time) or
/// virtually (the receiver maps the sender's pages until someone writes).
/// <para>
/// The sender writes only its first page. An eager copy writes every byte into the
/// receiver's fresh memory, so every page of the received data is resident; a virtual copy
/// leaves the untouched pages absent. A one-page payload is resident either way, so there
/// the receiver's VM object decides: an eager copy cannot share the sender's object.
/// </para>
/// </summary>
public sealed record OolCopyVerdict(long Bytes, long Pages, long ResidentPages, bool SameObjectAsSender, bool Eager)
{
    public static OolCopyVerdict Of(OolTransferRun run)
    {
        if (run.Fill != Fill.First || run.Dealloc || run.Messages != 1)
        {
            throw new ArgumentException(
                $"Eager and virtual copies are told apart only when the sender wrote its first page alone, kept its buffer and sent one message; this run has fill {ProbeWords.Of(run.Fill)}, dealloc {run.Dealloc}, {run.Messages} messages.",
                nameof(run));
        }

        var same = run.ReceiverMapsSendersObject;
        var resident = run.Receiver.Messages[0].Step(OolSteps.Received).Region.PagesResident;
        var eager = run.DataPages >= 2 ? resident >= run.DataPages : !same;
        return new OolCopyVerdict(run.Bytes, run.DataPages, resident, same, eager);
    }
}

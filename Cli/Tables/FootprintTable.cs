using OolSpecs.Harness.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>Who is charged for a large VIRTUAL_COPY: each task's footprint change as a fraction of the payload.</summary>
public sealed class FootprintTable : IObservationTables
{
    public bool Draws(IReadOnlyList<Observation> observations) =>
        observations.All(o => o.Scenario is OolFootprintScenario && o.Value is OolTransferRun);

    public IEnumerable<IRenderable> Draw(IReadOnlyList<Observation> observations)
    {
        foreach (var run in observations.Select(o => (OolTransferRun)o.Value))
        {
            var charges = new OolFootprint(run);
            yield return ObservationTables.Titled($"Footprint of a {run.Bytes / (1024 * 1024)} MiB VIRTUAL_COPY (fraction of the payload)")
                .AddColumn("task").AddColumn("step").AddColumn("change since").AddColumn(ObservationTables.Right("footprint change"))
                .Row("receiver", OolSteps.Received, "before receiving", OolFootprint.Tenths(charges.ReceiverCharge(OolSteps.Received)))
                .Row("receiver", OolSteps.AfterWrite, "before receiving", OolFootprint.Tenths(charges.ReceiverCharge(OolSteps.AfterWrite)))
                .Row("sender", OolSteps.Queued, OolSteps.BeforeSend, OolFootprint.Tenths(charges.SenderCharge(OolSteps.Queued)))
                .Row("sender", OolSteps.AfterReceive, OolSteps.BeforeSend, OolFootprint.Tenths(charges.SenderCharge(OolSteps.AfterReceive)))
                .Row("sender", OolSteps.AfterReceiverWrite, OolSteps.BeforeSend, OolFootprint.Tenths(charges.SenderCharge(OolSteps.AfterReceiverWrite)));
        }
    }
}

using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>The small-copy sweep: one row per payload size, the copy path it took, and the largest size through a kernel buffer.</summary>
public sealed class ThresholdTable : IObservationTables
{
    public bool Draws(IReadOnlyList<Observation> observations) => observations.All(o => o.Value is OolThresholdSweep);

    public IEnumerable<IRenderable> Draw(IReadOnlyList<Observation> observations)
    {
        foreach (var sweep in observations.Select(o => (OolThresholdSweep)o.Value))
        {
            var table = ObservationTables.Titled("Small-copy threshold: VIRTUAL_COPY of anonymous memory, kept")
                .AddColumn(ObservationTables.Right("size (bytes)")).AddColumn(ObservationTables.Right("pages")).AddColumn(ObservationTables.Right("receiver user_tag"))
                .AddColumn(ObservationTables.Right("resident in receiver")).AddColumn("receiver maps the sender's object").AddColumn("path");
            foreach (var p in sweep.Points)
            {
                table.Row(Normalise.Count(p.Bytes), Normalise.Count(p.Pages), Normalise.Count(p.ReceiverTag), Normalise.Count(p.ResidentPages), Normalise.YesNo(p.SameObjectAsSender), p.Path.InWords());
            }

            table.Caption(Markup.Escape($"Largest size copied through a kernel buffer: {(sweep.Threshold is { } t ? $"{Normalise.Count(t)} bytes" : "none")}."));
            yield return table;
        }
    }
}

using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>The small-copy sweep: one row per payload size, eager or virtual, and the largest eager size.</summary>
public sealed class ThresholdTable : IObservationTables
{
    public bool Draws(IReadOnlyList<Observation> observations) => observations.All(o => o.Value is OolThresholdSweep);

    public IEnumerable<IRenderable> Draw(IReadOnlyList<Observation> observations)
    {
        foreach (var sweep in observations.Select(o => (OolThresholdSweep)o.Value))
        {
            var table = ObservationTables.Titled("Small-copy threshold: VIRTUAL_COPY without deallocate")
                .AddColumn(ObservationTables.Right("size (bytes)")).AddColumn(ObservationTables.Right("pages"))
                .AddColumn(ObservationTables.Right("resident in receiver")).AddColumn("receiver maps the sender's object").AddColumn("copy");
            foreach (var v in sweep.Verdicts)
            {
                table.Row(Normalise.Count(v.Bytes), Normalise.Count(v.Pages), Normalise.Count(v.ResidentPages), Normalise.YesNo(v.SameObjectAsSender), v.Eager ? "eager" : "virtual");
            }

            table.Caption(Markup.Escape($"Largest size copied eagerly: {(sweep.Threshold is { } t ? $"{Normalise.Count(t)} bytes" : "none")}."));
            yield return table;
        }
    }
}

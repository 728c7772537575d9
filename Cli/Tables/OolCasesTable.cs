using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>
/// The article's eight-case table: one row per received message, with the copy field the
/// receiver read and its region right after receiving (bounds in pages from the data, as the
/// snapshots keep them, where the article printed addresses).
/// </summary>
public sealed class OolCasesTable : IObservationTables
{
    public bool Draws(IReadOnlyList<Observation> observations) =>
        observations.All(o => o.Value is OolTransferRun && o.Scenario is not OolFootprintScenario);

    public IEnumerable<IRenderable> Draw(IReadOnlyList<Observation> observations)
    {
        var first = (OolTransferRun)observations[0].Value;
        var table = ObservationTables.Titled($"OOL transfers, from the receiver's side: {first.PageSize / 1024} KiB pages")
            .AddColumn("case").AddColumn("copy path").AddColumn("copy").AddColumn("region (pages from data)").AddColumn(ObservationTables.Right("region pages"))
            .AddColumn(ObservationTables.Right("pages_resident")).AddColumn(ObservationTables.Right("ref_count")).AddColumn("share_mode");
        foreach (var observation in observations)
        {
            var run = (OolTransferRun)observation.Value;
            foreach (var message in run.Receiver.Messages)
            {
                var region = message.Step(OolSteps.Received).Region;
                table.Row(
                    Name(observation.Scenario, run, message.Message),
                    CopyPaths.Of(run, message.Message).InWords(),
                    message.Descriptor.Copy.ArticleName(),
                    Normalise.Bounds(region.Start, region.End, message.Descriptor.Address, run.PageSize),
                    Normalise.Count((long)((region.End - region.Start) / (ulong)run.PageSize)),
                    Normalise.Count(region.PagesResident),
                    Normalise.Count(region.RefCount),
                    XnuRegionFacts.ShareModeName(region.ShareMode));
            }
        }

        yield return table;
    }

    /// <summary>
    /// The article's number and name for its own cases, with the memory sent
    /// ("3 VIRTUAL;PAGEx16;NO_FREE, purgeable"), else the case name.
    /// </summary>
    static string Name(IScenario scenario, OolTransferRun run, int message)
    {
        var sent = OolCase.All.FirstOrDefault(c => c.Scenario.Equals(scenario));
        var name = sent is null ? scenario.Case : $"{sent.Article.Number} {sent.Article.Name}, {ProbeWords.Of(sent.Memory)}";
        return run.Messages > 1 ? $"{name}, message {message}" : name;
    }
}

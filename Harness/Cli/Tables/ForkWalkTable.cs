using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>
/// The article's fork walk-through table: one row per step. On XNU the columns it published
/// (pages_resident, ref_count, share_mode); on Linux the page's presence, frame, map count and
/// exclusivity, the facts that show the same story there.
/// </summary>
public sealed class ForkWalkTable : IObservationTables
{
    public bool Draws(IReadOnlyList<Observation> observations) => observations.All(o => o.Value is ForkCowRun);

    public IEnumerable<IRenderable> Draw(IReadOnlyList<Observation> observations) =>
        observations.Select(o => (IRenderable)Walk((ForkCowRun)o.Value));

    static Table Walk(ForkCowRun run)
    {
        var xnu = run.Kernel == Kernel.Xnu;
        var table = ObservationTables.Titled(
            $"Fork copy-on-write ({run.Kernel.Title()}): {run.Pages} page(s) of {run.PageSize / 1024} KiB");
        table.AddColumn("step").AddColumn("actor");
        if (xnu)
        {
            table.AddColumn(ObservationTables.Right("pages_resident")).AddColumn(ObservationTables.Right("ref_count")).AddColumn("share_mode");
        }
        else
        {
            table.AddColumn("present").AddColumn("frame").AddColumn(ObservationTables.Right("map count")).AddColumn("exclusively mapped");
        }

        var frames = new IdentityLabels();
        var number = 0;
        foreach (var step in run.Steps)
        {
            var name = $"{++number}. {step.Step}";
            if (xnu)
            {
                var region = step.XnuRegion;
                table.Row(name, step.Actor, Normalise.Count(region.PagesResident), Normalise.Count(region.RefCount), XnuRegionFacts.ShareModeName(region.ShareMode));
            }
            else
            {
                var page = step.LinuxPages[0];
                table.Row(name, step.Actor, Normalise.YesNo(page.Present), LinuxPageFacts.Frame(page, frames), LinuxPageFacts.MapCount(page), Normalise.YesNo(page.Exclusive));
            }
        }

        if (!xnu)
        {
            table.Caption(Markup.Escape(run.FramesKnown
                ? "The first page; frames are lettered in the order they first appear."
                : "The first page. Frames and map counts are unknown: reading them needs CAP_SYS_ADMIN (run as root)."));
        }

        return table;
    }
}

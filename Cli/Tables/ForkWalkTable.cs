using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>
/// The article's fork walk-through table: one row per step. On XNU the columns it published
/// (share_mode, ref_count, pages_resident); on Linux the pages' presence, frames, map counts and
/// exclusivity, the facts that show the same story there, one value per page.
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
            $"Fork copy-on-write ({run.Kernel.Title()}): {run.Pages} page(s) of {run.PageSize / 1024} KiB, the child writes {(run.ChildWrites == Fill.All ? "every page" : "the first page only")}");
        table.AddColumn("step").AddColumn("actor");
        foreach (var header in xnu ? ForkReports.XnuHeaders : ForkReports.LinuxHeaders)
        {
            table.AddColumn(header);
        }

        var frames = new IdentityLabels();
        var number = 0;
        foreach (var step in run.Steps)
        {
            var cells = xnu ? ForkReports.Xnu(step.XnuRegion) : ForkReports.Linux(step.LinuxPages, frames);
            table.Row([$"{++number}. {step.Step}", step.Actor, .. cells]);
        }

        if (!xnu)
        {
            table.Caption(Markup.Escape(run.FramesKnown
                ? "One value per page; frames are lettered in the order they first appear."
                : $"One value per page; frames and map counts are unknown. {CapSysAdmin.MissingHere}."));
        }

        return table;
    }
}

using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>Picks the drawer for a group; a group no drawer knows (a new family) is shown as its snapshot text.</summary>
public static class ObservationTables
{
    static readonly IObservationTables[] Drawers =
    [
        new ForkWalkTable(),
        new FootprintTable(),
        new OolCasesTable(),
        new ThresholdTable(),
    ];

    public static IEnumerable<IRenderable> Draw(IReadOnlyList<Observation> observations) =>
        Drawers.FirstOrDefault(d => d.Draws(observations)) is { } drawer
            ? drawer.Draw(observations)
            : observations.Select(o => (IRenderable)new Text(o.Snapshot));

    /// <summary>A table with the house style: a title, plain headers, numbers right-aligned by the caller.</summary>
    public static Table Titled(string title) => new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);

    public static TableColumn Right(string header) => new TableColumn(Markup.Escape(header)).RightAligned();

    public static Table Row(this Table table, params string[] cells) => table.AddRow(cells.Select(Markup.Escape).ToArray());
}

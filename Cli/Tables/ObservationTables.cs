using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>
/// Picks the drawer for a group: the article's shapes for the families it printed, and for any
/// other family (a new one included) its snapshot Markdown drawn as tables and unbroken paragraphs.
/// </summary>
public static class ObservationTables
{
    static readonly IObservationTables[] Drawers =
    [
        new ForkWalkTable(),
        new FootprintTable(),
        new OolCasesTable(),
        new ThresholdTable(),
        new SnapshotMarkdownTables(),
    ];

    public static IEnumerable<IRenderable> Draw(IReadOnlyList<Observation> observations) =>
        Drawers.First(d => d.Draws(observations)).Draw(observations).Select(drawn => (IRenderable)new Unwrapped(drawn));

    /// <summary>A table with the house style: a title, plain headers, numbers right-aligned by the caller.</summary>
    public static Table Titled(string title) => new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);

    public static TableColumn Right(string header) => new TableColumn(Markup.Escape(header)).RightAligned();

    public static Table Row(this Table table, params string[] cells) => table.AddRow(cells.Select(Markup.Escape).ToArray());
}

using Spectre.Console;
using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>
/// The drawer for any family no article-shaped drawer knows: its snapshot Markdown, which is
/// already the family's chosen view of an observation, drawn as it reads. Tables become aligned
/// tables, headings plain lines, paragraphs one unbroken line each. A new family is shown this
/// way with no code of its own; a family gets a drawer only to print a shape its snapshots lack.
/// </summary>
public sealed class SnapshotMarkdownTables : IObservationTables
{
    public bool Draws(IReadOnlyList<Observation> observations) => true;

    public IEnumerable<IRenderable> Draw(IReadOnlyList<Observation> observations) =>
        observations.SelectMany(o => MarkdownBlocks.Of(o.Snapshot)).Select(Drawn);

    static IRenderable Drawn(MarkdownBlock block) => block switch
    {
        MarkdownBlock.Heading heading => new Rows(
            Text.Empty,
            new Text(heading.Title, new Style(decoration: heading.Level == 1 ? Decoration.Bold | Decoration.Underline : Decoration.Bold))),
        MarkdownBlock.Table table => Table(table),
        MarkdownBlock.Paragraph paragraph => new Rows(Text.Empty, new Text(paragraph.Text)),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "a Markdown block no drawing knows"),
    };

    static Table Table(MarkdownBlock.Table markdown)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (var column = 0; column < markdown.Headers.Count; column++)
        {
            var header = new TableColumn(Markup.Escape(markdown.Headers[column]));
            table.AddColumn(markdown.RightAligned[column] ? header.RightAligned() : header);
        }

        foreach (var row in markdown.Rows)
        {
            table.Row([.. row]);
        }

        return table;
    }
}

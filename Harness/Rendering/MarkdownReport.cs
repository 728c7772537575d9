using System.Text;
using System.Text.RegularExpressions;

namespace OolSpecs.Harness.Rendering;

/// <summary>
/// Builds the stable Markdown text of a snapshot: headings, short paragraphs and small
/// tables, '\n' line endings and one trailing newline, so equal behaviour gives equal bytes.
/// </summary>
public sealed partial class MarkdownReport
{
    readonly StringBuilder text = new();

    public MarkdownReport Heading(int level, string title)
    {
        Block();
        text.Append('#', level).Append(' ').Append(title).Append('\n');
        return this;
    }

    public MarkdownReport Paragraph(string paragraph)
    {
        Block();
        text.Append(paragraph).Append('\n');
        return this;
    }

    /// <summary>A two-column table of named facts, in the given order.</summary>
    public MarkdownReport Facts(IEnumerable<(string Name, string Value)> facts, string nameHeader = "field", string valueHeader = "value") =>
        Table([nameHeader, valueHeader], facts.Select(f => (IReadOnlyList<string>)[f.Name, f.Value]));

    public MarkdownReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        Block();
        Row(headers);
        Row(headers.Select(_ => "---").ToList());
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {headers.Count} headers: {string.Join(" | ", row)}");
            }

            Row(row);
        }

        return this;
    }

    public override string ToString() => text.ToString();

    void Row(IEnumerable<string> cells) =>
        text.Append("| ").Append(string.Join(" | ", cells.Select(Escape))).Append(" |\n");

    static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");

    /// <summary>
    /// A table row's cells as <see cref="Table"/> wrote them, read back: split at the pipes it left
    /// unescaped, a cell's own "\|" made '|' again (a row without its closing pipe is read too).
    /// </summary>
    public static IReadOnlyList<string> Cells(string row)
    {
        var trimmed = row.Trim();
        var inner = trimmed[1..(trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", StringComparison.Ordinal) && trimmed.Length > 1 ? ^1 : ^0)];
        return [.. UnescapedPipe().Split(inner).Select(cell => cell.Replace("\\|", "|", StringComparison.Ordinal).Trim())];
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    void Block()
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }
    }
}

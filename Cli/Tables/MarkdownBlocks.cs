using System.Text.RegularExpressions;
using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>One block of a snapshot's Markdown: a heading, a pipe table or a paragraph (list items are paragraphs of their own).</summary>
public abstract record MarkdownBlock
{
    public sealed record Heading(int Level, string Title) : MarkdownBlock;

    /// <summary>A column is right-aligned when the Markdown says so (<c>---:</c>) or every cell in it is a number or a list of numbers.</summary>
    public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> RightAligned) : MarkdownBlock;

    /// <summary>A paragraph's source lines joined into one: where it breaks is the reader's terminal's business.</summary>
    public sealed record Paragraph(string Text) : MarkdownBlock;
}

/// <summary>Splits the Markdown <see cref="Rendering.MarkdownReport"/> writes back into its blocks.</summary>
public static partial class MarkdownBlocks
{
    public static IReadOnlyList<MarkdownBlock> Of(string markdown)
    {
        var blocks = new List<MarkdownBlock>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length;)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                i++;
            }
            else if (HeadingLine().Match(line) is { Success: true } heading)
            {
                blocks.Add(new MarkdownBlock.Heading(heading.Groups[1].Length, heading.Groups[2].Value.Trim()));
                i++;
            }
            else if (IsTableLine(line))
            {
                var start = i;
                while (i < lines.Length && IsTableLine(lines[i]))
                {
                    i++;
                }

                blocks.Add(TableOf(lines[start..i]));
            }
            else
            {
                var paragraph = new List<string> { line.Trim() };
                for (i++; i < lines.Length && lines[i].Trim().Length > 0 && !StartsBlock(lines[i]); i++)
                {
                    paragraph.Add(lines[i].Trim());
                }

                blocks.Add(new MarkdownBlock.Paragraph(string.Join(' ', paragraph)));
            }
        }

        return blocks;
    }

    static bool StartsBlock(string line) =>
        HeadingLine().IsMatch(line) || IsTableLine(line) || ListItem().IsMatch(line);

    static bool IsTableLine(string line) => line.TrimStart().StartsWith('|');

    static MarkdownBlock TableOf(IReadOnlyList<string> lines)
    {
        var rows = lines.Select(MarkdownReport.Cells).ToList();
        var separator = rows.Count > 1 && rows[1].All(cell => SeparatorCell().IsMatch(cell)) ? rows[1] : null;
        var headers = rows[0];
        var body = rows.Skip(separator is null ? 1 : 2)
            .Select(row => (IReadOnlyList<string>)[.. row.Concat(Enumerable.Repeat("", Math.Max(0, headers.Count - row.Count))).Take(headers.Count)])
            .ToList();
        var right = headers.Select((_, column) =>
            separator is not null && column < separator.Count && separator[column].EndsWith(':')
            || body.Count > 0 && body.All(row => Numbers().IsMatch(row[column]))).ToList();
        return new MarkdownBlock.Table(headers, body, right);
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\s*([-*]|\d+\.)\s")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^:?-{3,}:?$")]
    private static partial Regex SeparatorCell();

    [GeneratedRegex(@"^-?[\d.]+(, -?[\d.]+)*$")]
    private static partial Regex Numbers();
}

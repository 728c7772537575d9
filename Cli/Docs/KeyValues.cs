using System.Text.RegularExpressions;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// The few values of an observation a reader compares across releases. Either rows (a case whose
/// snapshot leads with a summary table, like the fork walk: one row per step) or one set of facts
/// (a case that is all field/value tables, like one OOL transfer).
/// </summary>
/// <param name="Columns">What each row's values are, in order.</param>
/// <param name="Rows">Label and values; a facts case has one row with an empty label.</param>
public sealed partial record KeyValues(IReadOnlyList<string> Columns, IReadOnlyList<(string Label, IReadOnlyList<string> Values)> Rows)
{
    /// <summary>The facts the article publishes for a VM region, the ones worth a column where a snapshot has only field tables.</summary>
    public static readonly IReadOnlyList<string> ArticleFacts = ["copy", "pages_resident", "ref_count", "share_mode"];

    public bool IsFacts => Rows.Count == 1 && Rows[0].Label.Length == 0;

    /// <summary>The key values of a snapshot's text: its first table of three or more columns, else its article facts.</summary>
    public static KeyValues Of(string snapshot)
    {
        var tables = MarkdownTable.Parse(snapshot);
        if (tables.FirstOrDefault(t => t.Header.Count >= 3) is { } summary)
        {
            return new KeyValues([.. summary.Header.Skip(1)], [.. summary.Rows.Select(r => (StepLabel(r[0]), (IReadOnlyList<string>)[.. r.Skip(1)]))]);
        }

        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in tables.Where(t => t.Header.Count == 2).SelectMany(t => t.Rows))
        {
            facts.TryAdd(row[0], row[1]);
        }

        var names = ArticleFacts.Where(facts.ContainsKey).ToList();
        if (names.Count == 0)
        {
            names = [.. tables.FirstOrDefault(t => t.Header.Count == 2)?.Rows.Select(r => r[0]) ?? []];
        }

        return new KeyValues(names, [("", [.. names.Select(n => facts[n])])]);
    }

    /// <summary>"3. child-after-fork" and "child-after-fork" are the same step.</summary>
    public static string StepLabel(string label) => StepNumber().Replace(label, "");

    [GeneratedRegex(@"^\d+\.\s+")]
    private static partial Regex StepNumber();
}

/// <summary>A Markdown table as MarkdownReport writes them: a header row, a separator row, data rows; '|' in a cell escaped as "\|".</summary>
public sealed record MarkdownTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static IReadOnlyList<MarkdownTable> Parse(string markdown)
    {
        var tables = new List<MarkdownTable>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|') || i + 1 >= lines.Length || !lines[i + 1].StartsWith("| ---", StringComparison.Ordinal))
            {
                continue;
            }

            var header = Cells(lines[i]);
            var rows = new List<IReadOnlyList<string>>();
            for (i += 2; i < lines.Length && lines[i].StartsWith('|'); i++)
            {
                rows.Add(Cells(lines[i]));
            }

            tables.Add(new MarkdownTable(header, rows));
        }

        return tables;
    }

    static IReadOnlyList<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var inner = line.Trim()[1..^1];
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (inner[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(inner[i]);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }
}

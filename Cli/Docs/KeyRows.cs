using System.Text.RegularExpressions;
using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// The key values of one observation, read from exactly the table its scenario declares
/// (<see cref="KeyTable"/>): a walk's rows (label and values) or one set of named facts.
/// </summary>
/// <param name="Columns">What each row's values are, in order (a facts set: the fact names).</param>
/// <param name="Rows">Label and values; a facts set has one row with an empty label.</param>
/// <param name="IsFacts">One set of named facts rather than a walk of steps.</param>
public sealed partial record KeyRows(IReadOnlyList<string> Columns, IReadOnlyList<(string Label, IReadOnlyList<string> Values)> Rows, bool IsFacts)
{
    /// <summary>
    /// The declared table of <paramref name="snapshot"/>: the first table under its "## heading",
    /// whose header must be the declared columns. Anything else fails naming <paramref name="file"/>:
    /// a renderer and its declaration that disagree are a bug, not a case to guess around.
    /// </summary>
    public static KeyRows Read(string snapshot, KeyTable declared, string file)
    {
        var lines = snapshot.Split('\n');
        var heading = Array.IndexOf(lines, "## " + declared.Heading);
        if (heading < 0)
        {
            throw new DocsInputException($"{file}: no \"## {declared.Heading}\" heading, which its scenario declares as its key table; the renderer and its KeyTable disagree.");
        }

        var start = heading + 1;
        while (start < lines.Length && !lines[start].StartsWith('|') && !lines[start].StartsWith('#'))
        {
            start++;
        }

        var header = start < lines.Length && lines[start].StartsWith('|') ? MarkdownReport.Cells(lines[start]) : [];
        if (!header.SequenceEqual(declared.Columns))
        {
            throw new DocsInputException(
                $"{file}: the table under \"## {declared.Heading}\" has the columns [{string.Join(" | ", header)}], its scenario declares [{string.Join(" | ", declared.Columns)}]; the renderer and its KeyTable disagree.");
        }

        var rows = lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(MarkdownReport.Cells).ToList();
        if (declared.IsFacts)
        {
            return new KeyRows([.. rows.Select(r => r[0])], [("", [.. rows.Select(r => r[1])])], IsFacts: true);
        }

        var labels = declared.LabelColumns;
        return new KeyRows(
            [.. declared.Columns.Skip(labels)],
            [.. rows.Select(r => (Label(r.Take(labels)), (IReadOnlyList<string>)[.. r.Skip(labels)]))],
            IsFacts: false);
    }

    /// <summary>"3. child-after-fork" and "child-after-fork" are the same step (a walk numbers its steps, the article does not); a step and side read "after-view (view)".</summary>
    public static string Label(IEnumerable<string> cells)
    {
        var parts = cells.ToList();
        var step = StepNumber().Replace(parts[0], "");
        return parts.Count == 1 ? step : $"{step} ({string.Join(", ", parts.Skip(1))})";
    }

    [GeneratedRegex(@"^\d+\.\s+")]
    private static partial Regex StepNumber();
}

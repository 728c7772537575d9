using System.Text;
using DiffPlex;

namespace OolSpecs.Harness.Snapshots;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>One line of a diff; line numbers are 1-based, null on the side the line is absent from.</summary>
public readonly record struct DiffLine(DiffKind Kind, string Text, int? OldNumber, int? NewNumber);

/// <summary>
/// The line diff of a snapshot failure. DiffPlex aligns the lines (Myers' algorithm, linear in
/// memory, so a large snapshot needs no cut-off); the rendering is ours, because a hunk should
/// name the step it falls in, which no unified-diff renderer does.
/// </summary>
public static class SnapshotDiff
{
    /// <summary>Splits text into lines: "\r\n" and "\r" count as "\n"; one final newline ends the last line.</summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return normalised.Length == 0 ? [] : (normalised.EndsWith('\n') ? normalised[..^1] : normalised).Split('\n');
    }

    /// <summary>The whole diff, rendered (see <see cref="Render(IReadOnlyList{DiffLine}, int)"/>); empty when nothing changed.</summary>
    public static string Render(string oldText, string newText, int context = 2) => Render(Compute(oldText, newText), context);

    /// <summary>An edit script turning <paramref name="oldText"/> into <paramref name="newText"/>, line by line; removals come before additions.</summary>
    public static IReadOnlyList<DiffLine> Compute(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, SnapshotLines.Instance);
        var (old, @new) = (result.PiecesOld, result.PiecesNew);
        var script = new List<DiffLine>(old.Count + @new.Count);
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks.Append(new(old.Count, 0, @new.Count, 0)))
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                script.Add(new DiffLine(DiffKind.Same, old[a], a + 1, b + 1));
            }

            for (; a < block.DeleteStartA + block.DeleteCountA; a++)
            {
                script.Add(new DiffLine(DiffKind.Removed, old[a], a + 1, null));
            }

            for (; b < block.InsertStartB + block.InsertCountB; b++)
            {
                script.Add(new DiffLine(DiffKind.Added, @new[b], null, b + 1));
            }
        }

        return script;
    }

    /// <summary>
    /// Renders a diff in unified style: hunks headed "@@ -a,b +c,d @@" and the Markdown heading
    /// they fall under (as git names the enclosing function: in a snapshot, the step whose table
    /// changed), lines prefixed "-", "+" or " ", <paramref name="context"/> unchanged lines around
    /// each change, and the unchanged lines between hunks counted rather than shown. Empty when nothing changed.
    /// </summary>
    public static string Render(IReadOnlyList<DiffLine> diff, int context = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        var show = new bool[diff.Count];
        for (var i = 0; i < diff.Count; i++)
        {
            for (var k = Math.Max(0, i - context); diff[i].Kind != DiffKind.Same && k <= Math.Min(diff.Count - 1, i + context); k++)
            {
                show[k] = true;
            }
        }

        var text = new StringBuilder();
        for (int start = 0, end; start < diff.Count; start = end)
        {
            for (end = start; end < diff.Count && show[end] == show[start]; end++)
            {
            }

            if (!show[start])
            {
                // Only gaps between hunks are announced; leading and trailing context is implied by the line numbers.
                text.Append(start > 0 && end < diff.Count ? $"  ... {end - start} unchanged line{(end - start == 1 ? "" : "s")} ...\n" : "");
                continue;
            }

            var hunk = diff.Skip(start).Take(end - start).ToList();
            var section = diff.Take(start + 1).Where(d => d.Kind != DiffKind.Added && d.Text.StartsWith('#')).Select(d => " " + d.Text).LastOrDefault();
            text.Append($"@@ -{First(d => d.OldNumber)},{hunk.Count(d => d.OldNumber is not null)} +{First(d => d.NewNumber)},{hunk.Count(d => d.NewNumber is not null)} @@{section}\n");
            foreach (var line in hunk)
            {
                text.Append(line.Kind switch { DiffKind.Removed => '-', DiffKind.Added => '+', _ => ' ' }).Append(line.Text).Append('\n');
            }

            // Unified-diff convention: a side with no line in the hunk names the line before it.
            int First(Func<DiffLine, int?> number) =>
                hunk.Select(number).FirstOrDefault(n => n is not null) ?? diff.Take(start).Select(number).LastOrDefault(n => n is not null) ?? 0;
        }

        return text.ToString();
    }
}

/// <summary>Cuts a snapshot into lines the way <see cref="SnapshotDiff.SplitLines"/> does, so a final newline is no extra empty line.</summary>
file sealed class SnapshotLines : IChunker
{
    public static readonly SnapshotLines Instance = new();

    public IReadOnlyList<string> Chunk(string text) => SnapshotDiff.SplitLines(text);
}

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
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (normalised.Length == 0)
        {
            return [];
        }

        if (normalised.EndsWith('\n'))
        {
            normalised = normalised[..^1];
        }

        return normalised.Split('\n');
    }

    /// <summary>The whole diff, rendered (see <see cref="Render(IReadOnlyList{DiffLine}, int)"/>); empty when nothing changed.</summary>
    public static string Render(string oldText, string newText, int context = 2) => Render(Compute(oldText, newText), context);

    /// <summary>An edit script turning <paramref name="oldText"/> into <paramref name="newText"/>, line by line; removals come before additions.</summary>
    public static IReadOnlyList<DiffLine> Compute(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);

        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, SnapshotLines.Instance);
        var (old, @new) = (result.PiecesOld, result.PiecesNew);
        var script = new List<DiffLine>(old.Count + @new.Count);
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
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

        for (; a < old.Count; a++, b++)
        {
            script.Add(new DiffLine(DiffKind.Same, old[a], a + 1, b + 1));
        }

        return script;
    }

    /// <summary>True when the diff has at least one removed or added line.</summary>
    public static bool HasChanges(IReadOnlyList<DiffLine> diff) => diff.Any(d => d.Kind != DiffKind.Same);

    /// <summary>
    /// Renders a diff in unified style: hunks headed "@@ -a,b +c,d @@", lines prefixed "-", "+" or " ",
    /// <paramref name="context"/> unchanged lines around each change, and the unchanged lines in
    /// between counted rather than shown. Empty when nothing changed.
    /// </summary>
    public static string Render(IReadOnlyList<DiffLine> diff, int context = 2)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentOutOfRangeException.ThrowIfNegative(context);

        var show = new bool[diff.Count];
        for (var i = 0; i < diff.Count; i++)
        {
            if (diff[i].Kind == DiffKind.Same)
            {
                continue;
            }

            for (var k = Math.Max(0, i - context); k <= Math.Min(diff.Count - 1, i + context); k++)
            {
                show[k] = true;
            }
        }

        var text = new StringBuilder();
        var index = 0;
        while (index < diff.Count)
        {
            if (!show[index])
            {
                var start = index;
                while (index < diff.Count && !show[index])
                {
                    index++;
                }

                // Only gaps between hunks are announced; leading and trailing context is implied by the line numbers.
                if (start > 0 && index < diff.Count)
                {
                    var skipped = index - start;
                    text.Append("  ... ").Append(skipped).Append(skipped == 1 ? " unchanged line" : " unchanged lines").Append(" ...\n");
                }

                continue;
            }

            var end = index;
            while (end < diff.Count && show[end])
            {
                end++;
            }

            AppendHunk(text, diff, index, end);
            index = end;
        }

        return text.ToString();
    }

    private static void AppendHunk(StringBuilder text, IReadOnlyList<DiffLine> diff, int start, int end)
    {
        var oldCount = 0;
        var newCount = 0;
        int? oldStart = null;
        int? newStart = null;
        for (var i = start; i < end; i++)
        {
            if (diff[i].OldNumber is { } o)
            {
                oldStart ??= o;
                oldCount++;
            }

            if (diff[i].NewNumber is { } n)
            {
                newStart ??= n;
                newCount++;
            }
        }

        // Unified-diff convention: an empty side names the line before it.
        text.Append("@@ -").Append(oldStart ?? LineBefore(diff, start, old: true)).Append(',').Append(oldCount)
            .Append(" +").Append(newStart ?? LineBefore(diff, start, old: false)).Append(',').Append(newCount)
            .Append(" @@");
        if (SectionBefore(diff, start) is { } section)
        {
            text.Append(' ').Append(section);
        }

        text.Append('\n');
        for (var i = start; i < end; i++)
        {
            var prefix = diff[i].Kind switch
            {
                DiffKind.Removed => '-',
                DiffKind.Added => '+',
                _ => ' ',
            };
            text.Append(prefix).Append(diff[i].Text).Append('\n');
        }
    }

    /// <summary>
    /// The Markdown heading a hunk falls under, as git names the enclosing function: in a
    /// snapshot it is the step whose table changed.
    /// </summary>
    private static string? SectionBefore(IReadOnlyList<DiffLine> diff, int start)
    {
        for (var i = start; i >= 0; i--)
        {
            if (diff[i].Kind != DiffKind.Added && diff[i].Text.StartsWith('#'))
            {
                return diff[i].Text;
            }
        }

        return null;
    }

    private static int LineBefore(IReadOnlyList<DiffLine> diff, int start, bool old)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var number = old ? diff[i].OldNumber : diff[i].NewNumber;
            if (number is { } found)
            {
                return found;
            }
        }

        return 0;
    }
}

/// <summary>Cuts a snapshot into lines the way <see cref="SnapshotDiff.SplitLines"/> does, so a final newline is no extra empty line.</summary>
file sealed class SnapshotLines : IChunker
{
    public static readonly SnapshotLines Instance = new();

    public IReadOnlyList<string> Chunk(string text) => SnapshotDiff.SplitLines(text);
}

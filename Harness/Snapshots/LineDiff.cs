using System.Text;

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
/// A small line differ (longest common subsequence) for snapshot failure messages.
/// Snapshots are a few hundred lines at most; beyond <see cref="MaxCells"/> the changed middle
/// is shown as removed-then-added instead of being aligned.
/// </summary>
public static class LineDiff
{
    /// <summary>Largest LCS table (old lines × new lines, after trimming the common ends) that is aligned.</summary>
    public const long MaxCells = 4_000_000;

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

    public static IReadOnlyList<DiffLine> Compute(string oldText, string newText) =>
        Compute(SplitLines(oldText), SplitLines(newText));

    /// <summary>An edit script turning <paramref name="oldLines"/> into <paramref name="newLines"/>; removals come before additions.</summary>
    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        ArgumentNullException.ThrowIfNull(oldLines);
        ArgumentNullException.ThrowIfNull(newLines);

        var prefix = 0;
        while (prefix < oldLines.Count && prefix < newLines.Count
               && string.Equals(oldLines[prefix], newLines[prefix], StringComparison.Ordinal))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldLines.Count - prefix && suffix < newLines.Count - prefix
               && string.Equals(oldLines[oldLines.Count - 1 - suffix], newLines[newLines.Count - 1 - suffix], StringComparison.Ordinal))
        {
            suffix++;
        }

        var result = new List<DiffLine>(oldLines.Count + newLines.Count);
        for (var i = 0; i < prefix; i++)
        {
            result.Add(new DiffLine(DiffKind.Same, oldLines[i], i + 1, i + 1));
        }

        var n = oldLines.Count - prefix - suffix;
        var m = newLines.Count - prefix - suffix;
        if ((long)n * m > MaxCells)
        {
            for (var i = 0; i < n; i++)
            {
                result.Add(new DiffLine(DiffKind.Removed, oldLines[prefix + i], prefix + i + 1, null));
            }

            for (var j = 0; j < m; j++)
            {
                result.Add(new DiffLine(DiffKind.Added, newLines[prefix + j], null, prefix + j + 1));
            }
        }
        else
        {
            AlignMiddle(oldLines, newLines, prefix, n, m, result);
        }

        for (var k = suffix; k > 0; k--)
        {
            result.Add(new DiffLine(DiffKind.Same, oldLines[oldLines.Count - k], oldLines.Count - k + 1, newLines.Count - k + 1));
        }

        return result;
    }

    private static void AlignMiddle(
        IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines, int offset, int n, int m, List<DiffLine> result)
    {
        // lcs[i, j] = length of the LCS of old[i..n) and new[j..m) (relative to offset).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(oldLines[offset + i], newLines[offset + j], StringComparison.Ordinal)
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && string.Equals(oldLines[offset + x], newLines[offset + y], StringComparison.Ordinal))
            {
                result.Add(new DiffLine(DiffKind.Same, oldLines[offset + x], offset + x + 1, offset + y + 1));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(new DiffLine(DiffKind.Removed, oldLines[offset + x], offset + x + 1, null));
                x++;
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, newLines[offset + y], null, offset + y + 1));
                y++;
            }
        }
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

using System.Globalization;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Cli.Bench;

/// <summary>
/// `bench --report`: whether each scenario's snapshot text was the same in every run, as Markdown
/// to read before approving a first baseline (the workflow uploads it next to the received
/// files). For a scenario whose runs differed, the first run's text against the first that
/// differed, as the snapshot diff shows it, cut to <see cref="MaxDiffLines"/> lines.
/// </summary>
public static class DeterminismReport
{
    public const int MaxDiffLines = 40;

    public static string Render(Platform platform, IReadOnlyList<BenchResult> results)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(results);
        var unstable = results.Where(r => !r.Identical).ToList();
        var report = new MarkdownReport()
            .Heading(1, $"Determinism of the snapshots: {platform}")
            .Paragraph(
                "Each scenario was observed the number of times shown, after one untimed warm-up run. A scenario is stable when every run " +
                "gave byte-identical snapshot text; a received file of an unstable one is no baseline, since its spec would pass or fail at random.")
            .Paragraph(unstable.Count == 0
                ? $"All {Count(results.Count)} scenario(s) gave identical texts in every run."
                : $"{Count(unstable.Count)} of {Count(results.Count)} scenario(s) gave different texts: {string.Join(", ", unstable.Select(r => $"`{r.Key}`"))}.")
            .Table(
                ["scenario", "case", "runs", "identical"],
                results.Select(r => (IReadOnlyList<string>)[r.Group, r.Key.Case, Count(r.Runs), r.Identical ? "yes" : $"no ({Count(r.DistinctOutputs)} different texts)"]));
        foreach (var result in unstable)
        {
            report.Heading(2, $"{result.Key}: {Count(result.DistinctOutputs)} different texts over {Count(result.Runs)} runs")
                .Paragraph("The first run's text (-) against the first text that differed (+):")
                .Paragraph(Fenced(FirstDifference(result.Outputs[0], result.Outputs[1])));
        }

        return report.ToString();
    }

    static string FirstDifference(string first, string other)
    {
        var lines = SnapshotDiff.SplitLines(SnapshotDiff.Render(first, other));
        return lines.Count <= MaxDiffLines
            ? string.Join('\n', lines)
            : string.Join('\n', lines.Take(MaxDiffLines).Append($"... {Count(lines.Count - MaxDiffLines)} more diff lines"));
    }

    /// <summary>A fence longer than any run of backticks inside, so no snapshot text can close it early.</summary>
    static string Fenced(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}diff\n{text.TrimEnd('\n')}\n{fence}";
    }

    static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

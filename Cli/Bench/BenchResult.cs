using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Cli.Bench;

/// <summary>
/// One scenario run <see cref="Runs"/> times: the wall time of each run (observe and render),
/// and the different snapshot texts the runs gave, in the order they first came (one when every
/// run was byte-identical).
/// </summary>
public sealed record BenchResult(string Group, SnapshotKey Key, IReadOnlyList<TimeSpan> Times, IReadOnlyList<string> Outputs)
{
    public int Runs => Times.Count;

    public int DistinctOutputs => Outputs.Count;

    public bool Identical => DistinctOutputs == 1;

    public TimeSpan Median => Statistics.Median(Times);

    public TimeSpan Min => Times.Min();

    public TimeSpan Max => Times.Max();
}

public static class Statistics
{
    /// <summary>The middle time; for an even count, the mean of the two middle ones.</summary>
    public static TimeSpan Median(IReadOnlyList<TimeSpan> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0)
        {
            throw new ArgumentException("A median needs at least one time.", nameof(times));
        }

        var sorted = times.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

using System.Diagnostics;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Harness.Cli.Bench;

/// <summary>Runs one scenario again and again (after one untimed warm-up run), timing each run and keeping its snapshot text.</summary>
public static class BenchRunner
{
    /// <param name="group">The observe name the scenario is listed under, for the report.</param>
    /// <param name="scenario">What to run.</param>
    /// <param name="probe">The probe to run it with.</param>
    /// <param name="runs">How many times, at least one.</param>
    /// <param name="progress">Told the number of each run before it starts (for a terminal's progress line).</param>
    public static BenchResult Measure(string group, IScenario scenario, ProbeRunner probe, int runs, Action<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);

        // One untimed run first: the first run of a process also loads and compiles the harness code.
        Observation.Of(scenario, probe);
        var times = new List<TimeSpan>(runs);
        var outputs = new List<string>();
        Observation? first = null;
        for (var run = 1; run <= runs; run++)
        {
            progress?.Invoke(run);
            var clock = Stopwatch.StartNew();
            var observation = Observation.Of(scenario, probe);
            times.Add(clock.Elapsed);
            first ??= observation;

            // The key is part of what a run shows: the same text filed under another case is another output.
            var output = $"<!-- filed as {observation.Key} -->\n{observation.Snapshot}";
            if (!outputs.Contains(output, StringComparer.Ordinal))
            {
                outputs.Add(output);
            }
        }

        return new BenchResult(group, first!.Key, times, outputs);
    }
}

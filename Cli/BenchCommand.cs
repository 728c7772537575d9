using System.CommandLine;
using System.Globalization;
using OolSpecs.Harness.Cli.Bench;
using Spectre.Console;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// `oolspecs bench [scenario] [-n N] [--report FILE]`: per scenario, the median and spread of its
/// wall time over N runs, and whether every run gave the same snapshot text (`--report` also
/// writes that as Markdown, with the first differing lines: <see cref="DeterminismReport"/>).
/// Runs that differ exit 1: a spec on such a scenario would fail at random.
/// </summary>
public static class BenchCommand
{
    public const int DefaultRuns = 10;
    public const int MaxRuns = 1000;

    public static Command Build(CliSession session)
    {
        var name = new Argument<string?>("scenario")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = $"The scenario to time (default: every one this kernel runs): {ScenarioSelection.Known}.",
        };
        var runs = new Option<int>("-n", "--runs")
        {
            Description = $"Runs per scenario, 1 to {MaxRuns}.",
            DefaultValueFactory = _ => DefaultRuns,
        };
        var report = new Option<string?>("--report")
        {
            Description = "Also write whether each scenario's runs were identical, with the first differing lines, as Markdown to this file.",
        };
        var command = new Command("bench", "Time each scenario over N runs and check that every run's snapshot text is identical.") { name, runs, report };
        command.SetAction(parsed => Run(session, parsed.GetValue(name), parsed.GetValue(runs), parsed.GetValue(report)));
        return command;
    }

    static int Run(CliSession session, string? name, int runs, string? reportPath)
    {
        if (runs is < 1 or > MaxRuns)
        {
            throw new UsageException($"bench: -n {runs} is out of range; give 1 to {MaxRuns} runs (default {DefaultRuns}).");
        }

        var report = reportPath is null ? null : ReportFile.Checked(reportPath);

        var names = name is null ? [] : new[] { name };
        var groups = ScenarioSelection.RunnableOn(session.Platform, ScenarioSelection.Named(names, "bench"), name is not null, out var notHere);
        var results = new List<BenchResult>();
        foreach (var group in groups)
        {
            foreach (var scenario in ScenarioSelection.ScenariosOf(group, session.Platform.Kernel))
            {
                results.Add(Progress.While(session, $"bench {group.Name} {scenario.Case}", runs,
                    report => BenchRunner.Measure(group.Name, scenario, session.Probe, runs, report)));
            }
        }

        session.Console.Write(Table(results, session));
        if (report is not null)
        {
            ReportFile.Write(report, DeterminismReport.Render(session.Platform, results));
            session.Console.WriteLine($"Determinism report written to {report}.");
        }

        if (notHere.Count > 0)
        {
            session.Console.WriteLine($"Not run here (another kernel): {string.Join(", ", notHere.Select(g => g.Name))}.");
        }

        var unstable = results.Where(r => !r.Identical).ToList();
        if (unstable.Count == 0)
        {
            return ExitCode.Done;
        }

        session.Errors.WriteLine(
            $"oolspecs: bench: {string.Join(", ", unstable.Select(r => $"{r.Key} gave {r.DistinctOutputs} different outputs"))} over {runs} runs; " +
            "its snapshot spec would pass or fail at random. Compare two runs of `oolspecs observe --markdown` to see what moves.");
        return ExitCode.Failed;
    }

    static Table Table(IReadOnlyList<BenchResult> results, CliSession session)
    {
        var table = new Table().Title($"{session.Platform}: wall time per run (observe and render), after one warm-up run")
            .AddColumn("scenario").AddColumn("case").AddColumn(new TableColumn("runs").RightAligned())
            .AddColumn(new TableColumn("median").RightAligned()).AddColumn(new TableColumn("min").RightAligned())
            .AddColumn(new TableColumn("max").RightAligned()).AddColumn("identical output");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(r.Group), Markup.Escape(r.Key.Case), r.Runs.ToString(CultureInfo.InvariantCulture),
                Milliseconds(r.Median), Milliseconds(r.Min), Milliseconds(r.Max),
                r.Identical ? "yes" : $"no ({r.DistinctOutputs} different)");
        }

        return table;
    }

    static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}

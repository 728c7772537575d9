using System.CommandLine;
using OolSpecs.Harness.Cli.Tables;
using OolSpecs.Harness.Scenarios;
using Spectre.Console;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// `oolspecs observe [scenario…]`: run scenarios on this kernel and print what it did: tables in
/// the article's shapes by default, the snapshot text with --markdown, the raw records with --json.
/// </summary>
public static class ObserveCommand
{
    public static Command Build(CliSession session)
    {
        var names = new Argument<string[]>("scenario")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = $"Scenarios to run (default: every one this kernel runs): {ScenarioSelection.Known}.",
        };
        var markdown = new Option<bool>("--markdown") { Description = "Print the snapshot text the specs compare (Markdown), instead of tables." };
        var json = new Option<bool>("--json") { Description = "Print the raw observations as one JSON document, for machines." };
        var command = new Command("observe", "Run scenarios on this kernel and print what it did.") { names, markdown, json };
        command.SetAction(parsed => Run(session, parsed.GetValue(names) ?? [], parsed.GetValue(markdown), parsed.GetValue(json)));
        return command;
    }

    static int Run(CliSession session, IReadOnlyList<string> names, bool markdown, bool json)
    {
        if (markdown && json)
        {
            throw new UsageException("observe: --markdown and --json each choose the output; give one of them (or neither, for tables).");
        }

        var chosen = ScenarioSelection.Named(names, "observe");
        var runnable = ScenarioSelection.RunnableOn(session.Platform, chosen, names.Count > 0, out _);
        var notRun = ObservationsNotRun.On(session.Platform, chosen);
        var observed = runnable.Select(group => (Group: group, Observations: Observe(session, group))).ToList();
        if (json)
        {
            session.Output.WriteLine(ObservationJson.Serialize(session.Platform, observed.SelectMany(g => g.Observations.Select(o => (g.Group.Name, o))), notRun));
        }
        else if (markdown)
        {
            session.Output.WriteLine($"<!-- observed on {session.Platform} -->");
            foreach (var observation in observed.SelectMany(g => g.Observations))
            {
                session.Output.WriteLine();
                session.Output.Write(observation.Snapshot);
            }
        }
        else
        {
            Tables(session, observed, notRun);
        }

        return ExitCode.Done;
    }

    static IReadOnlyList<Observation> Observe(CliSession session, ObservableScenario group)
    {
        var scenarios = ScenarioSelection.ScenariosOf(group, session.Platform.Kernel);
        return Progress.While(session, $"observing {group.Name}", scenarios.Count, report =>
            scenarios.Select((scenario, i) =>
            {
                report(i + 1);
                return Observation.Of(scenario, session.Probe);
            }).ToList());
    }

    static void Tables(CliSession session, IEnumerable<(ObservableScenario Group, IReadOnlyList<Observation> Observations)> observed, IReadOnlyList<NotRun> notRun)
    {
        var console = session.Console;
        Line(console, $"Observed on {session.Platform}.");
        foreach (var (group, observations) in observed)
        {
            console.WriteLine();
            console.Write(new Rule(Markup.Escape($"{group.Name}: {group.Summary}")).LeftJustified());
            foreach (var table in ObservationTables.Draw(observations))
            {
                console.Write(table);
            }
        }

        if (notRun.Count > 0)
        {
            console.WriteLine();
            foreach (var reason in notRun.GroupBy(n => n.Reason))
            {
                Line(console, $"Not run on this kernel: {string.Join(", ", reason.Select(n => n.Name))} ({reason.Key}). See docs/behaviour-matrix.md.");
            }
        }

        Line(console, "--markdown prints the snapshot text the specs compare; --json the raw observations.");
    }

    /// <summary>A line of prose, never broken mid-sentence off a terminal.</summary>
    static void Line(IAnsiConsole console, string text)
    {
        console.Write(new Unwrapped(new Text(text)));
        console.WriteLine();
    }
}

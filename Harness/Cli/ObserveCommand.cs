using System.CommandLine;

namespace OolSpecs.Harness.Cli;

/// <summary>`oolspecs observe [scenario…]`: run scenarios on this kernel and print what it did.</summary>
public static class ObserveCommand
{
    public static Command Build(CliSession session)
    {
        var names = new Argument<string[]>("scenario")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = $"Scenarios to run (default: every one this kernel runs): {ScenarioSelection.Known}.",
        };
        var command = new Command("observe", "Run scenarios on this kernel and print what it did.") { names };
        command.SetAction(parsed => Run(session, parsed.GetValue(names) ?? []));
        return command;
    }

    static int Run(CliSession session, IReadOnlyList<string> names)
    {
        var chosen = ScenarioSelection.Named(names, "observe");
        var runnable = ScenarioSelection.RunnableOn(session.Platform, chosen, names.Count > 0, out _);
        session.Output.WriteLine($"<!-- observed on {session.Platform} -->");
        foreach (var group in runnable)
        {
            foreach (var scenario in ScenarioSelection.ScenariosOf(group))
            {
                session.Output.WriteLine();
                session.Output.Write(Observation.Of(scenario, session.Probe).Snapshot);
            }
        }

        return ExitCode.Done;
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// The `oolspecs` command line: observe, accept, bench, platform, docs, source-watch. Every command takes --help.
/// Exit codes are those of <see cref="ExitCode"/>; every error is one line naming the input and the fix.
/// The checkout whose docs are made is <see cref="RepositoryRoot.Locate()"/> unless one is given.
/// </summary>
public sealed class CommandLine(TextWriter output, TextWriter errors, Func<ProbeRunner> probe, Func<string> snapshotRoot, bool interactive = false, Func<string>? checkout = null)
{
    public int Run(IReadOnlyList<string> arguments)
    {
        var session = new CliSession(output, errors, probe, snapshotRoot, interactive, checkout ?? RepositoryRoot.Locate);
        var root = Root(session);
        var parsed = root.Parse(arguments);
        try
        {
            if (parsed.Action is not HelpAction && parsed.Errors.Count > 0)
            {
                throw new UsageException(Explain(parsed));
            }

            return parsed.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = errors,

                // Errors are classified below, each class to its own exit code.
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (CliFailure.CodeOf(e) is { } code)
        {
            errors.WriteLine($"oolspecs: {e.Message}");
            return code;
        }
    }

    /// <summary>
    /// A plain Command named "oolspecs" rather than a RootCommand, whose name is the host
    /// process's (testhost under the tests); the help option is added by hand, for every command.
    /// </summary>
    static Command Root(CliSession session)
    {
        var root = new Command("oolspecs", "Observe what this kernel does with memory across Mach messages and fork, and keep the approved snapshots.")
        {
            new HelpOption(),
            ObserveCommand.Build(session),
            AcceptCommand.Build(session),
            BenchCommand.Build(session),
            PlatformCommand.Build(session),
            DocsCommand.Build(session),
            SourceWatchCommand.Build(session),
        };
        return root;
    }

    /// <summary>The parser's first complaint, with the command it was about and where its help is.</summary>
    static string Explain(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var path = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            path.Insert(0, result.Command.Name);
        }

        var name = string.Join(' ', path);
        if (command.Subcommands.Count > 0)
        {
            var commands = string.Join(", ", command.Subcommands.Select(c => c.Name));
            return parsed.UnmatchedTokens.Count == 0
                ? $"no command given; the commands are {commands}. Run `{name} --help` for what each does."
                : $"unknown {(parsed.UnmatchedTokens[0].StartsWith('-') ? "option" : "command")} '{parsed.UnmatchedTokens[0]}'; the commands are {commands}. Run `{name} --help` for what each does.";
        }

        var message = parsed.Errors[0].Message.TrimEnd('.');
        return $"{message}. Run `{name} --help` for usage.";
    }
}

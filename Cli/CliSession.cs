using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;
using Spectre.Console;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// What one `oolspecs` run works with: where it writes, how it reaches the probe and the
/// snapshot tree, and whether a person is watching (progress is drawn only then).
/// Probe and platform are found on first use, so `--help` and bad input never start the probe.
/// </summary>
public sealed class CliSession
{
    /// <summary>Tables in a file or a CI log are not squeezed to 80 columns.</summary>
    const int RedirectedWidth = 160;

    readonly Lazy<ProbeRunner> probe;
    readonly Lazy<Platform> platform;
    readonly Lazy<IAnsiConsole> console;

    readonly Func<string> checkout;

    public CliSession(TextWriter output, TextWriter errors, Func<ProbeRunner> probe, Func<string> snapshotRoot, bool interactive, Func<string> checkout)
    {
        this.checkout = checkout;
        Output = output;
        Errors = errors;
        SnapshotRoot = snapshotRoot;
        Interactive = interactive;
        this.probe = new(probe);
        platform = new(() => PlatformDetector.Detect(Probe));
        console = new(() => CreateConsole(output, interactive));
    }

    public TextWriter Output { get; }

    public TextWriter Errors { get; }

    public Func<string> SnapshotRoot { get; }

    /// <summary>The checkout whose docs/ are generated; a wrong OOLSPECS_ROOT is a setting to fix (exit 2), not a failed run.</summary>
    public string Checkout()
    {
        try
        {
            return checkout();
        }
        catch (DirectoryNotFoundException e)
        {
            throw new SnapshotInputException(e.Message);
        }
    }

    /// <summary>True when stdout is a terminal: progress is shown and colours may be used.</summary>
    public bool Interactive { get; }

    public ProbeRunner Probe => probe.Value;

    public Platform Platform => platform.Value;

    /// <summary>Spectre's console over <see cref="Output"/>: tables and, on a terminal, progress.</summary>
    public IAnsiConsole Console => console.Value;

    static IAnsiConsole CreateConsole(TextWriter output, bool interactive)
    {
        var created = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            created.Profile.Width = RedirectedWidth;
        }

        return created;
    }
}

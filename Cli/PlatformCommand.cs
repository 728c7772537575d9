using System.CommandLine;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// `oolspecs platform`: the release directory and arch this machine's snapshots are filed
/// under, e.g. "macos-15.5 arm64" (the workflow names its artifacts after it).
/// </summary>
public static class PlatformCommand
{
    public static Command Build(CliSession session)
    {
        var command = new Command("platform", "Print the snapshot release directory and arch of this machine, e.g. \"macos-15.5 arm64\".");
        command.SetAction(_ =>
        {
            session.Output.WriteLine($"{session.Platform.ReleaseDirectory} {session.Platform.Arch}");
            return ExitCode.Done;
        });
        return command;
    }
}

using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Tests.Support;

/// <summary>
/// A probe the test writes itself: a shell script run by /bin/sh, so that what it does is the
/// test's own and not any system tool's. Its folder is removed with it.
/// </summary>
public sealed class StandInProbe : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("oolspecs-stand-in-").FullName;

    public StandInProbe(string script)
    {
        Script = Path.Combine(directory, "stand-in.sh");
        File.WriteAllText(Script, script);
    }

    public string Script { get; }

    /// <summary>A stand-in whose `platform` prints <paramref name="factsJson"/>; every other command fails, naming itself.</summary>
    public static StandInProbe Reporting(string factsJson) => new(
        $"""
        case "$1" in
        platform) printf '%s\n' '{factsJson}' ;;
        *) echo "stand-in probe: no $1 here" >&2; exit 1 ;;
        esac
        """);

    public ProbeRunner Runner(TimeSpan timeout) => new("/bin/sh", timeout, [Script]);

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

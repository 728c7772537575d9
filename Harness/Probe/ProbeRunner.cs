using System.Diagnostics;

namespace OolSpecs.Harness.Probe;

/// <summary>
/// Runs one native probe command and returns its stdout. Policy lives here, not in the
/// probe: a time limit, stderr carried into the exception, and on timeout the whole
/// process tree is killed so that no forked or spawned child outlives a test.
/// </summary>
public sealed class ProbeRunner(string executable, TimeSpan timeout, IReadOnlyList<string>? leadingArguments = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    readonly IReadOnlyList<string> leading = leadingArguments ?? [];

    public string Executable { get; } = executable;
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>
    /// The same probe started through a launcher, e.g. `setpriv --bounding-set=-sys_admin`
    /// to observe what an unprivileged run reports.
    /// </summary>
    public ProbeRunner Through(string launcher, params string[] launcherArguments) =>
        new(launcher, Timeout, [.. launcherArguments, Executable, .. leading]);

    /// <summary>The probe next to this assembly (or OOLSPECS_PROBE), with OOLSPECS_PROBE_TIMEOUT seconds if set.</summary>
    public static ProbeRunner Default() => new(ProbeLocator.Locate(), TimeoutFromEnvironment());

    public string Run(params string[] arguments)
    {
        var command = Describe(arguments);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The probe never reads stdin; a redirected, never-written stdin keeps it off the test host's terminal.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in leading.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ProbeException($"`{command}` could not be started: {e.Message}. Build the probe with `dotnet build`.", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            KillTree(process);
            throw new ProbeTimeoutException(command, Timeout, Drain(stdout), Drain(stderr));
        }

        // Both pipes are at EOF once the process and every child holding them are gone.
        var output = stdout.GetAwaiter().GetResult();
        var errors = stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new ProbeFailedException(command, process.ExitCode, errors);
        }

        return output;
    }

    static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }

    static string Drain(Task<string> pipe) =>
        pipe.Wait(TimeSpan.FromSeconds(5)) ? pipe.Result : "(the pipe stayed open: a child still holds it)";

    string Describe(IEnumerable<string> arguments) =>
        string.Join(' ', new[] { Executable }.Concat(leading).Concat(arguments).Select(a => Path.IsPathRooted(a) ? Path.GetFileName(a) : a));

    static TimeSpan TimeoutFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("OOLSPECS_PROBE_TIMEOUT");
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultTimeout;
        }

        return double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ProbeSettingException($"OOLSPECS_PROBE_TIMEOUT='{text}' is not a positive number of seconds; unset it or set e.g. 300.");
    }
}

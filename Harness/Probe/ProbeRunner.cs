using System.Diagnostics;

namespace OolSpecs.Harness.Probe;

/// <summary>
/// Runs one native probe command and returns its stdout. Policy lives here, not in the
/// probe: a time limit, stderr carried into the exception, and on timeout the run's whole
/// process group is killed so that no forked or spawned child outlives a test.
/// </summary>
/// <remarks>
/// Every run starts through `oolgroup` (built with the probe), which makes it the leader of a
/// process group of its own: .NET cannot. The time limit covers the run until both pipes are
/// at end of file, so a child that holds stdout open after the probe exits cannot stretch it.
/// </remarks>
public sealed class ProbeRunner(string executable, TimeSpan timeout, IReadOnlyList<string>? leadingArguments = null)
{
    public static readonly TimeSpan DefaultTimeout = ProbeTimeoutSetting.Default;

    /// <summary>What `oolgroup` prints, with exit 127, when the command cannot be run at all.</summary>
    const string CannotRun = "oolgroup: cannot run ";

    /// <summary>After the kill, how long the pipes may take to close; only a process that left the group holds them longer.</summary>
    static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

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
    public static ProbeRunner Default() => Default(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Default()"/>, with the settings read through <paramref name="setting"/> (a test's own).</summary>
    /// <exception cref="ProbeSettingException">A setting is wrong; the message names it and the fix.</exception>
    public static ProbeRunner Default(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var timeout = ProbeTimeoutSetting.Parse(setting(ProbeTimeoutSetting.EnvironmentVariable));
        return new(ProbeLocator.Locate(setting(ProbeLocator.EnvironmentVariable)), timeout);
    }

    /// <summary>`oolgroup`, which the build puts next to the probe and this assembly.</summary>
    static string GroupLauncher => Path.Combine(AppContext.BaseDirectory, "oolgroup");

    public string Run(params string[] arguments)
    {
        var command = Describe(arguments);
        var start = new ProcessStartInfo(GroupLauncher)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The probe never reads stdin; a redirected, never-written stdin keeps it off the test host's terminal.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in leading.Prepend(Executable).Concat(arguments))
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
            throw new ProbeException($"`{command}` could not be started: {e.Message} ({GroupLauncher}). Build the probe with `dotnet build`.", e);
        }

        // oolgroup makes its pid the group's id, then becomes the command.
        var group = process.Id;
        ProcessGroup.Started(group);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!Task.WhenAll(stdout, stderr, process.WaitForExitAsync()).Wait(Timeout))
            {
                EndGroup(process, group);
                throw new ProbeTimeoutException(command, Timeout, Drain(stdout), Drain(stderr));
            }

            var output = stdout.Result;
            var errors = stderr.Result;
            if (process.ExitCode == 127 && errors.StartsWith(CannotRun, StringComparison.Ordinal))
            {
                throw new ProbeException($"`{command}` could not be started: {errors[CannotRun.Length..].Trim()}. Build the probe with `dotnet build`.");
            }

            return process.ExitCode == 0 ? output : throw new ProbeFailedException(command, process.ExitCode, errors);
        }
        finally
        {
            ProcessGroup.Ended(group);
        }
    }

    /// <summary>
    /// The pipes are still open or the leader still runs, so the group has a member (unless the
    /// pipe's holder left the group on purpose) and its id is not reused: the group kill cannot
    /// reach another run's. If the launcher had not made the group yet, the process tree is
    /// killed instead.
    /// </summary>
    static void EndGroup(Process process, int group)
    {
        if (!ProcessGroup.Kill(group))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }
        }

        process.WaitForExit();
    }

    static string Drain(Task<string> pipe) =>
        pipe.Wait(DrainGrace) ? pipe.Result : "(the pipe stayed open: a process that left the run's group still holds it)";

    string Describe(IEnumerable<string> arguments) =>
        string.Join(' ', new[] { Executable }.Concat(leading).Concat(arguments).Select(a => Path.IsPathRooted(a) ? Path.GetFileName(a) : a));
}

namespace OolSpecs.Harness.Probe;

/// <summary>The probe could not give an observation. The message carries the command and the probe's own stderr.</summary>
public class ProbeException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The probe ran and exited non-zero: 1 is a failed kernel call, 2 a bad argument, 3 a request
/// this kernel cannot honour (a scenario or mode of another kernel).
/// </summary>
public sealed class ProbeFailedException(string command, int exitCode, string stderr)
    : ProbeException($"`{command}` exited with {exitCode}{Explain(exitCode)}:\n{stderr.TrimEnd()}")
{
    public const int NotOnThisKernel = 3;

    public int ExitCode { get; } = exitCode;

    /// <summary>The request needs another kernel: a reason to skip, not a failure.</summary>
    public bool NeedsAnotherKernel => ExitCode == NotOnThisKernel;
    public string Stderr { get; } = stderr;

    static string Explain(int exitCode) => exitCode switch
    {
        1 => " (a kernel call failed)",
        2 => " (bad arguments: the harness and the probe disagree; rebuild with `dotnet build`)",
        3 => " (this kernel cannot do what was asked)",
        _ when exitCode > 128 => $" (killed by signal {exitCode - 128})",
        _ => "",
    };
}

/// <summary>The probe did not finish in time (exit and end of output); its process group, it and every process it started, was killed.</summary>
public sealed class ProbeTimeoutException(string command, TimeSpan timeout, string stdout, string stderr)
    : ProbeException(
        $"`{command}` did not finish within {timeout.TotalSeconds:0.#} s; its whole process group was killed. " +
        $"Raise OOLSPECS_PROBE_TIMEOUT (seconds) if the machine is just slow.\nstderr so far:\n{stderr.TrimEnd()}")
{
    public string Stdout { get; } = stdout;
    public string Stderr { get; } = stderr;
}

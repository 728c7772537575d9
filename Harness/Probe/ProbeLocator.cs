namespace OolSpecs.Harness.Probe;

/// <summary>Finds the native probe: OOLSPECS_PROBE if set, else the copy the build puts next to this assembly.</summary>
public static class ProbeLocator
{
    public const string EnvironmentVariable = "OOLSPECS_PROBE";

    /// <summary>A file that is an oolprobe answers --help quickly; anything slower is not one.</summary>
    static readonly TimeSpan IdentifyTimeout = TimeSpan.FromSeconds(10);

    public static string Locate() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>
    /// A configured probe is checked before use: otherwise a wrong file (another program, a
    /// script without its interpreter) fails later as if oolprobe or the kernel had failed.
    /// </summary>
    internal static string Locate(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return Identified(configured);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "oolprobe");
        return File.Exists(beside)
            ? beside
            : throw new ProbeException($"The native probe is missing at {beside}; run `dotnet build` (it builds Native/ with make).");
    }

    static string Identified(string configured)
    {
        const string Fix = "unset it to use the probe `dotnet build` makes, or set it to an oolprobe binary (Native/build/oolprobe).";
        if (!File.Exists(configured))
        {
            throw new ProbeSettingException($"{EnvironmentVariable}={configured} names no file; {Fix}");
        }

        string help;
        try
        {
            help = new ProbeRunner(configured, IdentifyTimeout).Run("--help");
        }
        catch (ProbeException e)
        {
            throw new ProbeSettingException(
                $"{EnvironmentVariable}={configured} names a file that cannot run as the probe (`--help`: {Why(e)}); {Fix}", e);
        }

        return help.StartsWith("usage: oolprobe", StringComparison.Ordinal)
            ? configured
            : throw new ProbeSettingException(
                $"{EnvironmentVariable}={configured} names a file that is not an oolprobe (its `--help` does not begin with \"usage: oolprobe\"); {Fix}");
    }

    static string Why(ProbeException e) => e switch
    {
        ProbeFailedException failed => $"it exited with {failed.ExitCode}",
        ProbeTimeoutException => $"it did not finish within {IdentifyTimeout.TotalSeconds:0} s",
        _ => e.InnerException?.Message ?? e.Message,
    };
}

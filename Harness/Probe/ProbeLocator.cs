namespace OolSpecs.Harness.Probe;

/// <summary>Finds the native probe: OOLSPECS_PROBE if set, else the copy the build puts next to this assembly.</summary>
public static class ProbeLocator
{
    public const string EnvironmentVariable = "OOLSPECS_PROBE";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new ProbeException($"{EnvironmentVariable}={configured} names no file; unset it to use the built probe.");
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "oolprobe");
        return File.Exists(beside)
            ? beside
            : throw new ProbeException($"The native probe is missing at {beside}; run `dotnet build` (it builds Native/ with make).");
    }
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Platforms;

/// <summary>Asks the probe where it runs and names that the way the snapshot tree does.</summary>
public static class PlatformDetector
{
    public static Platform Detect(ProbeRunner probe) =>
        FromFacts(ProbeJson.Parse<PlatformFacts>(probe.Run("platform"), "oolprobe platform"));

    /// <exception cref="TranslatedProcessException">The probe runs under Rosetta: no platform is named for it.</exception>
    public static Platform FromFacts(PlatformFacts facts)
    {
        var release = facts.Os switch
        {
            "macos" => MacOsRelease.From(facts.Release, facts.KernelRelease),
            "linux" => ReleaseVersion.ParseLeading(facts.Release),
            _ => throw new ProbeException($"The probe reports os '{facts.Os}'; OolSpecs knows macos and linux."),
        };

        return facts.Translated
            ? throw new TranslatedProcessException(facts.Machine)
            : new Platform(facts.Os, release, ArchOf(facts.Machine));
    }

    static string ArchOf(string machine) => machine switch
    {
        "arm64" or "aarch64" => "arm64",
        "x86_64" or "amd64" => "x86_64",
        var other => other,
    };
}

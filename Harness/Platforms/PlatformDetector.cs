using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Platforms;

/// <summary>Asks the probe where it runs and names that the way the snapshot tree does.</summary>
public static class PlatformDetector
{
    public static Platform Detect(ProbeRunner probe) =>
        FromFacts(ProbeJson.Parse<PlatformFacts>(probe.Run("platform"), "oolprobe platform"));

    public static Platform FromFacts(PlatformFacts facts)
    {
        if (facts.Os is not ("macos" or "linux"))
        {
            throw new ProbeException($"The probe reports os '{facts.Os}'; OolSpecs knows macos and linux.");
        }

        return new Platform(facts.Os, ReleaseVersion.ParseLeading(facts.Release), ArchOf(facts));
    }

    static string ArchOf(PlatformFacts facts)
    {
        var arch = facts.Machine switch
        {
            "arm64" or "aarch64" => "arm64",
            "x86_64" or "amd64" => "x86_64",
            var other => other,
        };

        // A translated (Rosetta) process runs x86_64 code on an arm64 kernel with its own page size view.
        return facts.Translated ? $"{arch}-rosetta" : arch;
    }
}

using OolSpecs.Harness;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>The running kernel, as every spec sees it: one probe, one platform, one snapshot tree.</summary>
public static class Lab
{
    static readonly Lazy<ProbeRunner> probe = new(ProbeRunner.Default);
    static readonly Lazy<Platform> platform = new(() => Detect(Probe));
    static readonly Lazy<SnapshotVerifier> snapshots = new(() => SnapshotVerifier.ForRepository(Platform));

    public static ProbeRunner Probe => probe.Value;

    public static Platform Platform => platform.Value;

    public static Kernel Kernel => Platform.Kernel;

    public static SnapshotVerifier Snapshots => snapshots.Value;

    /// <summary>
    /// Skips, naming the fix, where the probe runs translated by Rosetta: whatever runs this
    /// machine's kernel needs its native platform.
    /// </summary>
    public static void NeedsNativePlatform() => _ = Platform;

    /// <summary>
    /// The platform <paramref name="probe"/> runs on. A Rosetta-translated run has none: every spec
    /// that needs the platform skips with the fix, before any observation or received file.
    /// </summary>
    public static Platform Detect(ProbeRunner probe)
    {
        try
        {
            return PlatformDetector.Detect(probe);
        }
        catch (TranslatedProcessException translated)
        {
            throw new SkipException(translated.Message);
        }
    }
}

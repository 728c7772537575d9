using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>The gates of specs that only some kernels can run: a skip that says why, never a silent pass.</summary>
public static class Requires
{
    /// <summary>
    /// Why a claim about frame numbers or map counts was left unchecked on a run that could not
    /// read them: the capability, what to do, and the probe's own words (which differ between a
    /// user who is not root and root without the capability, but not from case to case, so the
    /// skip summary still counts them as one reason).
    /// </summary>
    public static string Frames(FrameAvailability? frames) =>
        $"{CapSysAdmin.MissingHere} (the probe: {frames?.Reason ?? "no reason reported"})";

    /// <summary>
    /// Skips unless the running kernel is one the scenario runs on, with the scenario's own reason
    /// where it has one. The reason names the family, not the case, so the skip summary counts a
    /// family's skips on one line.
    /// </summary>
    public static void KernelOf(IScenario scenario) =>
        Skip.IfNot(scenario.Kernels.Contains(Lab.Kernel),
            $"This {scenario.Family} case runs on {string.Join(" and ", scenario.Kernels.Select(k => k.Title()))} only; this kernel is {Lab.Kernel.Title()}" +
            (scenario.WhyOnlyItsKernels is { Length: > 0 } why ? $": {why}" : ""));
}

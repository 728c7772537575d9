using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>The gates of specs that only some kernels can run: a skip that says why, never a silent pass.</summary>
public static class Requires
{
    public static void Xnu() =>
        Skip.If(Lab.Kernel != Kernel.Xnu,
            "Mach messages exist only on XNU; Linux has none. On Linux the XNU claims are checked against the article's published tables (PublishedTables).");

    public static void Linux(string why) => Skip.If(Lab.Kernel != Kernel.Linux, why);

    /// <summary>Skips unless the running kernel is one the scenario runs on.</summary>
    public static void KernelOf(IScenario scenario)
    {
        if (!scenario.Kernels.Contains(Kernel.Linux))
        {
            Xnu();
        }

        Skip.IfNot(scenario.Kernels.Contains(Lab.Kernel), $"{scenario.Key} runs on {string.Join(" and ", scenario.Kernels)} only");
    }
}

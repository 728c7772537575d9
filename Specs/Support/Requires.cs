using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>The gates of specs that only some kernels can run: a skip that says why, never a silent pass.</summary>
public static class Requires
{
    public static void Xnu() =>
        Skip.If(Lab.Kernel != Kernel.Xnu,
            "Needs XNU (macOS): Mach messages exist only there. On this kernel `dotnet test` checks the article's own claims against its published tables instead (PublishedTables); the other XNU claims cite the source they follow and need a Mac to be observed.");

    /// <summary>
    /// Skips unless the running kernel is one the scenario runs on; an OOL transfer says Mach messages are why.
    /// The reason names the family, not the case, so the skip summary counts a family's skips on one line.
    /// </summary>
    public static void KernelOf(IScenario scenario)
    {
        if (scenario.Family == OolTransferScenario.FamilyName)
        {
            Xnu();
        }

        Skip.IfNot(scenario.Kernels.Contains(Lab.Kernel),
            $"This {scenario.Family} case runs on {string.Join(" and ", scenario.Kernels.Select(k => k.Title()))} only; this kernel is {Lab.Kernel.Title()}");
    }
}

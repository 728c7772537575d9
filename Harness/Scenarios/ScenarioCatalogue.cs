using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Scenarios;

/// <summary>A scenario `oolspecs observe` can run and print: its name, the kernels it runs on, and the report it prints.</summary>
public sealed record ObservableScenario(string Name, string Summary, IReadOnlyList<KernelKind> Kernels, Func<ProbeRunner, string> Report);

/// <summary>Every scenario the command line knows, in the order `observe` prints them.</summary>
public static class ScenarioCatalogue
{
    public static readonly IReadOnlyList<ObservableScenario> All =
    [
        new("fork-cow", "the fork copy-on-write walk-through (six steps)", [KernelKind.Xnu, KernelKind.Linux],
            probe => { var fork = new ForkCowScenario(); return fork.Render(fork.Observe(probe)); }),
        new("ool-cases", "the article's eight OOL cases, seen from both tasks", [KernelKind.Xnu],
            probe => string.Join('\n', ArticleCase.All.Select(c => c.Scenario.Render(c.Scenario.Observe(probe))))),
        new("ool-threshold", "the largest VIRTUAL_COPY payload copied eagerly", [KernelKind.Xnu],
            probe => OolThresholdSweep.Observe(probe).Render()),
        new("ool-coalesce", "two receptions landing side by side in one receiver", [KernelKind.Xnu],
            probe => OolTransferScenario.TwoAdjacentReceptions.Render(OolTransferScenario.TwoAdjacentReceptions.Observe(probe))),
        new("ool-footprint", "who is charged for a large VIRTUAL_COPY (OOLSPECS_LARGE_BYTES)", [KernelKind.Xnu],
            probe => OolFootprint.Observe(probe, OolFootprint.BytesFromEnvironment()).Render()),
    ];
}

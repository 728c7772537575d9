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
    ];
}

using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Support;

/// <summary>
/// A scenario that needs no probe: each observation is the next of the given texts, rendered as
/// a heading. It stands for no kernel; it tests what the harness does with any scenario.
/// </summary>
public sealed class ScriptedScenario(params string[] texts) : IScenario<string>
{
    int next;

    /// <summary>A probe that is never started: scripted scenarios do not use it.</summary>
    public static readonly ProbeRunner NoProbe = new("/nonexistent/oolprobe", TimeSpan.FromSeconds(1));

    public string Family => "Made";

    public string Case { get; init; } = "up";

    public IReadOnlyList<Kernel> Kernels => [Kernel.Linux, Kernel.Xnu];

    public string Observe(ProbeRunner probe) => texts[next++ % texts.Length];

    public string Render(string observation) => $"# {observation}\n";
}

using System.Collections.Concurrent;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.Support;

/// <summary>
/// The one way a spec gets an observation: each scenario runs once per test session, and
/// every spec that judges it shares that run. Scenarios are records, so equal scenarios
/// share a run.
/// </summary>
public static class Observed
{
    static readonly ConcurrentDictionary<IScenario, Lazy<object>> Runs = new();

    public static TObservation Of<TObservation>(IScenario<TObservation> scenario) =>
        (TObservation)Runs.GetOrAdd(scenario, s => new Lazy<object>(() => ((IScenario<TObservation>)s).Observe(Lab.Probe)!)).Value;
}

using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.Support;

/// <summary>The snapshot half of a spec: the scenario's whole observation against its approved file.</summary>
public static class Snapshot
{
    public static void Matches<TObservation>(IScenario<TObservation> scenario)
    {
        Requires.KernelOf(scenario);
        Lab.Snapshots.Verify(scenario, Observed.Of(scenario));
    }
}

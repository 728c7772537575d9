using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Specs.Support;

/// <summary>The snapshot half of a spec: the scenario's whole observation against its approved file.</summary>
public static class Snapshot
{
    public static void Matches<TObservation>(IScenario<TObservation> scenario)
    {
        Requires.KernelOf(scenario);
        Compare(Lab.Snapshots, scenario, Observed.Of(scenario));
    }

    /// <summary>
    /// On a platform with no approved snapshot at all (a first run on a new Mac) there is nothing
    /// to compare with: the spec is skipped, naming the received file it wrote and how to approve
    /// it. Once the platform has a baseline, a case without an approved file fails instead.
    /// </summary>
    public static void Compare<TObservation>(SnapshotVerifier verifier, IScenario<TObservation> scenario, TObservation observation)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        try
        {
            verifier.Verify(scenario, observation);
        }
        catch (SnapshotBaselineMissingException firstRun)
        {
            throw new SkipException(firstRun.Message);
        }
    }
}

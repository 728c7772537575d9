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
    /// to compare with: the spec is skipped, saying where its received file went and how to approve
    /// it (on CI: from the job's artifact). Once the platform has a baseline, a case without an
    /// approved file fails instead.
    /// </summary>
    public static void Compare<TObservation>(SnapshotVerifier verifier, IScenario<TObservation> scenario, TObservation observation) =>
        Compare(verifier, scenario, observation, ContinuousIntegration.IsRunning());

    /// <param name="verifier">The snapshot tree and running platform.</param>
    /// <param name="scenario">What was observed.</param>
    /// <param name="observation">Its observation.</param>
    /// <param name="onCi">Whether the skip reason is for a CI job, whose received files are in its artifact.</param>
    public static void Compare<TObservation>(SnapshotVerifier verifier, IScenario<TObservation> scenario, TObservation observation, bool onCi)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        try
        {
            verifier.Verify(scenario, observation);
        }
        catch (SnapshotBaselineMissingException firstRun)
        {
            throw new SkipException(firstRun.Reason(onCi));
        }
    }
}

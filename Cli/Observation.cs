using System.Reflection;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// One scenario's observation as the command line handles it: the typed record the probe's
/// JSON became (for tables and --json), and its snapshot text (for --markdown and bench).
/// </summary>
public sealed record Observation(IScenario Scenario, object Value, string Snapshot, SnapshotKey Key)
{
    static readonly MethodInfo TypedMethod =
        typeof(Observation).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Runs <paramref name="scenario"/> through the <see cref="IScenario{TObservation}"/> it
    /// implements, so that nothing is asked of a scenario beyond that contract.
    /// </summary>
    public static Observation Of(IScenario scenario, ProbeRunner probe)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var contract = scenario.GetType().GetInterfaces()
            .SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IScenario<>))
            ?? throw new InvalidOperationException($"{scenario.GetType().Name} implements no IScenario<TObservation>.");
        return (Observation)TypedMethod.MakeGenericMethod(contract.GetGenericArguments()[0])
            .Invoke(null, BindingFlags.DoNotWrapExceptions, null, [scenario, probe], null)!;
    }

    static Observation Typed<TObservation>(IScenario<TObservation> scenario, ProbeRunner probe)
    {
        var value = scenario.Observe(probe) ?? throw new InvalidOperationException($"{scenario.Key} observed nothing.");
        return new Observation(scenario, value, SnapshotVerifier.Normalise(scenario.Render(value)), scenario.KeyFor(value));
    }
}

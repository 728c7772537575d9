using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>One real run of the fork walk-through, shared by every claim of the spec class.</summary>
public sealed class ForkObservation
{
    readonly Lazy<ForkCowRun?> withoutFrames;

    public ForkObservation()
    {
        Run = Scenario.Observe(Lab.Probe);
        withoutFrames = new(ObserveWithoutFrames);
    }

    public ForkCowScenario Scenario { get; } = new();

    public ForkCowRun Run { get; }

    /// <summary>
    /// A run that cannot read frame numbers: this run itself when it lacks CAP_SYS_ADMIN,
    /// else a second run with the capability dropped by setpriv; null where setpriv is missing.
    /// </summary>
    public ForkCowRun? WithoutFrames => withoutFrames.Value;

    ForkCowRun? ObserveWithoutFrames()
    {
        if (Run.Frames is { Available: false })
        {
            return Run;
        }

        var setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);
        return setpriv is null
            ? null
            : Scenario.Observe(Lab.Probe.Through(setpriv, "--bounding-set=-sys_admin", "--inh-caps=-sys_admin", "--"));
    }
}

using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// One observable behaviour: what the probe is asked to do, on which kernels, and under which
/// snapshot family and case its observation is approved. Specs, `oolspecs observe` and the
/// snapshot key all come from here.
/// </summary>
public interface IScenario
{
    /// <summary>The snapshot family (a folder under each release) and the specs' family.</summary>
    string Family { get; }

    /// <summary>The case's name in the family: its approved file is <c>&lt;case&gt;.approved.md</c>.</summary>
    string Case { get; }

    /// <summary>The kernels that can run it.</summary>
    IReadOnlyList<Kernel> Kernels { get; }

    SnapshotKey Key => new(Family, Case);

    /// <summary>Why only <see cref="Kernels"/> can run it, for the skip reason elsewhere ("" where naming them says it all); one text per family.</summary>
    string WhyOnlyItsKernels => "";

    /// <summary>Observes and renders in one go: what `oolspecs observe` prints.</summary>
    string Report(ProbeRunner probe);
}

/// <summary>A scenario whose observation is a <typeparamref name="TObservation"/>.</summary>
public interface IScenario<TObservation> : IScenario
{
    TObservation Observe(ProbeRunner probe);

    /// <summary>The snapshot text: stable Markdown, free of addresses, pids and timestamps.</summary>
    string Render(TObservation observation);

    /// <summary>The key an observation is approved under; a scenario may file a run elsewhere (see fork-cow without frames).</summary>
    SnapshotKey KeyFor(TObservation observation) => Key;

    string IScenario.Report(ProbeRunner probe) => Render(Observe(probe));
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// A probe scenario that reads Linux frames, and that can be run without CAP_SYS_ADMIN
/// (<paramref name="WithoutCapSysAdmin"/>) to observe what a process without frame access
/// sees: frames unknown is a different, still true observation, approved under a case of its own.
/// </summary>
public abstract record FramesScenario<TRun>(bool WithoutCapSysAdmin) : ProbeScenario<TRun>
    where TRun : IReportsFrames
{
    /// <summary>The case as run with frame access; <see cref="Case"/> adds the without-frames suffix.</summary>
    protected abstract string CaseWithFrames { get; }

    public sealed override string Case => CaseWithFrames + (WithoutCapSysAdmin ? CapSysAdmin.WithoutFramesSuffix : "");

    /// <summary>
    /// Without CAP_SYS_ADMIN the probe is started through setpriv (<see cref="CapSysAdmin.Dropped"/>);
    /// XNU has no such capability, so a scenario of XNU runs as it is.
    /// </summary>
    protected sealed override ProbeRunner Launch(ProbeRunner probe) =>
        WithoutCapSysAdmin && Kernels.Contains(Kernel.Linux) ? CapSysAdmin.Dropped(probe) : probe;

    /// <summary>A run that was to read frames but could not (the process lacked the capability) goes to the without-frames case.</summary>
    public sealed override SnapshotKey KeyFor(TRun observation) =>
        new(Family, CapSysAdmin.CaseFor(Case, WithoutCapSysAdmin, observation.Frames));
}

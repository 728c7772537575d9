using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>A scenario that is one run of `oolprobe`, whose JSON is a <typeparamref name="TRun"/>.</summary>
public abstract record ProbeScenario<TRun> : IScenario<TRun>, IProbeCommand
{
    public abstract string Family { get; }

    public abstract string Case { get; }

    public abstract IReadOnlyList<Kernel> Kernels { get; }

    /// <summary>The probe's command line: subcommand first.</summary>
    public abstract IReadOnlyList<string> Arguments { get; }

    public string Command => "oolprobe " + string.Join(' ', Arguments);

    public TRun Observe(ProbeRunner probe) => ProbeJson.Parse<TRun>(Launch(probe).Run([.. Arguments]), Command);

    /// <summary>How the probe is started: as it is, or through a launcher (see fork-cow without CAP_SYS_ADMIN).</summary>
    protected virtual ProbeRunner Launch(ProbeRunner probe) => probe;

    public abstract string Render(TRun observation);

    public SnapshotKey Key => new(Family, Case);

    public virtual SnapshotKey KeyFor(TRun observation) => Key;
}

/// <summary>A scenario's probe command line, whatever its run's type: what the probe tests run and the docs name of every scenario alike.</summary>
public interface IProbeCommand
{
    /// <summary>The probe's command line: subcommand first.</summary>
    IReadOnlyList<string> Arguments { get; }

    /// <summary>The command as a reader types it: "oolprobe fork-inherit --mode private --pages 2".</summary>
    string Command { get; }
}

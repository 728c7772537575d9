using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>
/// A case of a subcommand whose ways each run on one kernel (fork-inherit's modes, second-view's
/// ways): the harness's row, the exact allocation, the checks a run is judged by, and what breaks
/// if the kernel gets it wrong. A family's record adds only the scenario that runs a way.
/// </summary>
public abstract record KernelRowCase<TWay, TRun>(KernelRow<TWay> Row, string Allocation, IReadOnlyList<Check<TRun>> Checks, string Security)
    : ICheckedCase<TRun>, IKernelRowCase
    where TWay : struct, Enum
{
    IKernelRow IKernelRowCase.Row => Row;

    public string Description => Row.Description;

    public Kernel Kernel => Row.Kernel;

    public string ProbeCommand => ScenarioFor(withoutCapSysAdmin: false).Command;

    public IReadOnlyList<Claim> Claims => [.. Checks.Select(check => check.Claim)];

    /// <summary>The scenario that runs the row's way, as root or with CAP_SYS_ADMIN dropped (Linux).</summary>
    public abstract ProbeScenario<TRun> ScenarioFor(bool withoutCapSysAdmin);

    IScenario<TRun> ICheckedCase<TRun>.ScenarioFor(bool withoutCapSysAdmin) => ScenarioFor(withoutCapSysAdmin);

    public sealed override string ToString() => Description;
}

/// <summary>A case of any <see cref="KernelRowCase{TWay, TRun}"/> table: the harness row it stands for, for what checks every table alike.</summary>
public interface IKernelRowCase
{
    IKernelRow Row { get; }
}

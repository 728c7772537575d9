using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// One fork walk on one kernel: the walk (pages, which the child writes), the exact allocation,
/// the checks a run of it is judged by (one per step the source settles, and the content
/// claims), and what breaks if the kernel gets it wrong.
/// </summary>
public sealed record ForkCowCase(string Walk, ForkCowScenario Scenario, Kernel Kernel, string Allocation, IReadOnlyList<Check<ForkCowRun>> Checks, string Security)
    : ICheckedCase<ForkCowRun>
{
    public string Description => $"{Walk} ({Kernel.Title()})";

    public string ProbeCommand => Scenario.Command;

    public IScenario<ForkCowRun> ScenarioFor(bool withoutCapSysAdmin) => Scenario with { WithoutCapSysAdmin = withoutCapSysAdmin };

    public IReadOnlyList<Claim> Claims => [.. Checks.Select(check => check.Claim)];

    public override string ToString() => Description;
}

/// <summary>
/// The one table of fork-cow cases: the article's walk (one page, the child writes it) and one
/// where the child writes only the first of four pages, each on XNU and on Linux. Map, write,
/// fork; the child looks, writes, looks; the parent looks, writes, looks while the child lives.
/// </summary>
public static class ForkCowCases
{
    const string OnePage = "one page, written by the child";
    const string FirstOfFour = "four pages, the child writes the first";

    static readonly IReadOnlyList<Check<ForkCowRun>> LinuxContent =
    [
        new(ForkContentClaims.LinuxChildReadsParentData, ForkContentClaims.ChildReadsParentData),
        new(ForkContentClaims.LinuxParentNeverReadsChildWrite, ForkContentClaims.ParentNeverReadsChildWrite),
        new(ForkContentClaims.LinuxChildNeverReadsParentWrite, ForkContentClaims.ChildNeverReadsParentWrite),
    ];

    static readonly IReadOnlyList<Check<ForkCowRun>> XnuContent =
    [
        new(ForkContentClaims.XnuChildReadsParentData, ForkContentClaims.ChildReadsParentData),
        new(ForkContentClaims.XnuParentNeverReadsChildWrite, ForkContentClaims.ParentNeverReadsChildWrite),
        new(ForkContentClaims.XnuChildNeverReadsParentWrite, ForkContentClaims.ChildNeverReadsParentWrite),
    ];

    public static readonly IReadOnlyList<ForkCowCase> All =
    [
        Xnu(OnePage, new ForkCowScenario(),
            "a child write that reached the parent's VM object would corrupt the parent's memory: the shadow chain is all that keeps them apart"),
        Linux(OnePage, new ForkCowScenario(),
            "a copy-on-write page the child can still write through into the parent is DirtyCOW-like corruption; a parent write that shows in the child leaks what the parent writes after forking"),
        Xnu(FirstOfFour, ForkCowScenario.PartlyWrittenByTheChild,
            "the child's partial shadow still needs the parent's object: a collapse that bypassed it early would leave the child reading pages the parent writes later"),
        Linux(FirstOfFour, ForkCowScenario.PartlyWrittenByTheChild,
            "a page the child did not write stays shared: a parent write that landed in it in place, without a copy, would show the parent's later data to the child"),
    ];

    /// <summary>On Linux every step is settled, whichever pages the child writes.</summary>
    static ForkCowCase Linux(string walk, ForkCowScenario scenario, string security) =>
        new(walk, scenario, Kernel.Linux, PageBuffers.Linux("MAP_PRIVATE"),
            [.. ForkSteps.InOrder.Select(step => new Check<ForkCowRun>(LinuxForkClaims.For(step), run => LinuxForkClaims.Judge(step, InOrder(run)))), .. LinuxContent],
            security);

    /// <summary>On XNU a step the source does not settle for this walk has no check: the snapshot holds it.</summary>
    static ForkCowCase Xnu(string walk, ForkCowScenario scenario, string security) =>
        new(walk, scenario, Kernel.Xnu, PageBuffers.Xnu(),
            [
                .. ForkSteps.InOrder
                    .Select(step => (Step: step, Documented: XnuForkClaims.For(step, scenario.Pages, scenario.ChildWrites)))
                    .Where(settled => settled.Documented is not null)
                    .Select(settled => new Check<ForkCowRun>(settled.Documented!.Value.Claim,
                        run => XnuForkClaims.Judge(settled.Documented.Value, settled.Step, XnuRegionState.Of(InOrder(run).Step(settled.Step).XnuRegion)))),
                .. XnuContent,
            ],
            security);

    /// <summary>The run, if the probe reported the article's six steps in order: a step is judged only in its place.</summary>
    static ForkCowRun InOrder(ForkCowRun run) =>
        run.Steps.Select(s => s.Step).SequenceEqual(ForkSteps.InOrder)
            ? run
            : throw new InvalidOperationException($"The probe reported the steps {string.Join(", ", run.Steps.Select(s => s.Step))}, not the article's six in order.");
}

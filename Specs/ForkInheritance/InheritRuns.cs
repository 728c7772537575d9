using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkInheritance;

/// <summary>
/// The fork-inherit modes as theory data, and their runs. Each theory row is the mode in words,
/// so a result reads "shared (MAP_SHARED|MAP_ANONYMOUS)"; each mode runs once per session.
/// </summary>
public static class InheritRuns
{
    public static TheoryData<string> Modes(Func<InheritModeRow, bool> which) =>
        [.. InheritModes.All.Where(which).Select(row => row.Description)];

    public static TheoryData<string> Falling(InheritOutcome outcome) => Modes(row => row.Outcome == outcome);

    /// <summary>
    /// The run of the mode a theory row names. A mode of another kernel is a skip that names the
    /// kernel it needs (the table's kernel column, which the probe's exit 3 agrees with).
    /// </summary>
    public static ForkInheritRun Of(string mode, bool withoutCapSysAdmin = false) =>
        Observed.Of(Scenario(mode, withoutCapSysAdmin));

    public static ForkInheritScenario Scenario(string mode, bool withoutCapSysAdmin = false)
    {
        var row = InheritModes.Described(mode);
        Skip.If(row.Kernel != Lab.Kernel,
            $"This inheritance mode needs {row.Kernel.Title()}; this kernel is {Lab.Kernel.Title()}" +
            (row.Kernel == Kernel.Xnu ? "; the XNU claims cite the source they follow, and their logic is tested on made-up runs (Harness.Tests)" : ""));
        return new ForkInheritScenario(row.Mode, WithoutCapSysAdmin: withoutCapSysAdmin);
    }

}

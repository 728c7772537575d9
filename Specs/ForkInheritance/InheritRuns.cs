using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkInheritance;

/// <summary>
/// The runs of <see cref="InheritanceCases"/>' rows, each once per session, and the rows' checks
/// judged on them. A theory row is the mode in words: "shared (MAP_SHARED|MAP_ANONYMOUS)".
/// </summary>
public static class InheritRuns
{
    /// <summary>The check of the row named <paramref name="mode"/> among <paramref name="claims"/>, judged on its run.</summary>
    public static ClaimVerdict Judge(string mode, params Claim[] claims)
    {
        var row = InheritanceCases.All.Described(mode);
        return row.Judge(Of(row), claims);
    }

    public static ForkInheritRun Of(InheritanceCase row, bool withoutCapSysAdmin = false) =>
        Observed.Of(Scenario(row.Description, withoutCapSysAdmin));

    /// <summary>
    /// The scenario of the mode a theory row names. A mode of another kernel is a skip that names
    /// the kernel it needs (the table's kernel column, which the probe's exit 3 agrees with).
    /// </summary>
    public static ForkInheritScenario Scenario(string mode, bool withoutCapSysAdmin = false)
    {
        var row = InheritanceCases.All.Described(mode);
        Skip.If(row.Kernel != Lab.Kernel,
            $"This inheritance mode needs {row.Kernel.Title()}; this kernel is {Lab.Kernel.Title()}" +
            (row.Kernel == Kernel.Xnu ? "; the XNU claims cite the source they follow, and their logic is tested on made-up runs (Harness.Tests)" : ""));
        return new ForkInheritScenario(row.Mode.Way, WithoutCapSysAdmin: withoutCapSysAdmin);
    }
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>The runs of <see cref="ForkCowCases"/>' rows, each once per session, and the rows' checks judged on them.</summary>
public static class ForkWalks
{
    /// <summary>The check of the row named <paramref name="walk"/> among <paramref name="claims"/>, judged on its run.</summary>
    public static ClaimVerdict Judge(string walk, params Claim[] claims)
    {
        var row = ForkCowCases.All.Described(walk);
        var run = Of(row);
        run.Steps.Select(s => s.Step).Should().Equal(ForkSteps.InOrder, "the probe reports the article's six steps in order");
        return row.Judge(run, claims);
    }

    public static ForkCowRun Of(ForkCowCase row, bool withoutCapSysAdmin = false) => Observed.Of(Scenario(row.Description, withoutCapSysAdmin));

    /// <summary>A row of another kernel is a skip naming the kernel it needs.</summary>
    public static ForkCowScenario Scenario(string walk, bool withoutCapSysAdmin = false)
    {
        var row = ForkCowCases.All.Described(walk);
        Skip.If(row.Kernel != Lab.Kernel,
            $"This fork walk is judged on {row.Kernel.Title()}; this kernel is {Lab.Kernel.Title()}" +
            (row.Kernel == Kernel.Xnu ? "; the XNU claims cite the source they follow and are checked against the article's published table (PublishedTables)" : ""));
        return row.Scenario with { WithoutCapSysAdmin = withoutCapSysAdmin };
    }
}

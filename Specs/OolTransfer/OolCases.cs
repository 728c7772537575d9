using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>OOL cases as theory data: each row is the case's description, so a result reads "anonymous memory, virtual copy, 16 pages, kept".</summary>
public static class OolCases
{
    public static TheoryData<string> Every => Where(_ => true);

    public static TheoryData<string> Where(Func<OolCase, bool> which) => [.. OolCase.All.Where(which).Select(c => c.Description)];

    /// <summary>The case a theory row names, observed once per test session; XNU only.</summary>
    public static Transfer Observe(string description)
    {
        Requires.Xnu();
        var @case = OolCase.Described(description);
        return new Transfer(@case, Observed.Of(@case.Scenario));
    }
}

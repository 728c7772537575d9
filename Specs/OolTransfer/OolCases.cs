using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>OOL cases as theory data: each row is the case's description, so a result reads "anonymous memory, virtual copy, 16 pages, kept".</summary>
public static class OolCases
{
    public static TheoryData<string> Every => Where(_ => true);

    public static TheoryData<string> Where(Func<OolCase, bool> which) => [.. OolCase.All.Where(which).Select(c => c.Description)];

    /// <summary>
    /// The case a theory row or fact names, observed once per test session; XNU only. The name is
    /// resolved before the kernel is asked for, so a misspelt case fails on every OS, not only on a Mac.
    /// </summary>
    public static Transfer Observe(string description)
    {
        var @case = OolCase.Described(description);
        Requires.Xnu();
        return new Transfer(@case, Observed.Of(@case.Scenario));
    }
}

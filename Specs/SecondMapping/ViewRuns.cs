using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.SecondMapping;

/// <summary>
/// The runs of <see cref="ViewCases"/>' rows, each once per session, and the rows' checks judged
/// on them. A theory row is the row in words: "memfd-shared (two MAP_SHARED mappings of one memfd)".
/// </summary>
public static class ViewRuns
{
    /// <summary>The check of the row named <paramref name="description"/> among <paramref name="claims"/>, judged on its run.</summary>
    public static ClaimVerdict Judge(string description, params Claim[] claims)
    {
        var row = ViewCases.All.Described(description);
        return row.Judge(Of(row), claims);
    }

    public static SecondViewRun Of(ViewCase row, bool withoutCapSysAdmin = false) => Observed.Of(Scenario(row.Description, withoutCapSysAdmin));

    /// <summary>A row of another kernel is a skip naming the kernel it needs (the probe's exit 3 agrees).</summary>
    public static SecondViewScenario Scenario(string description, bool withoutCapSysAdmin = false)
    {
        var row = ViewCases.All.Described(description);
        Skip.If(row.Kernel != Lab.Kernel,
            $"This way of mapping memory twice needs {row.Kernel.Title()}; this kernel is {Lab.Kernel.Title()}" +
            (row.Kernel == Kernel.Xnu ? "; the XNU claims cite the source they follow, and wait for a Mac to be observed" : ""));
        return new SecondViewScenario(row.View.Way, withoutCapSysAdmin);
    }
}

/// <summary>The checks the claims share.</summary>
static class ViewChecks
{
    public static ClaimVerdict Made(this ClaimVerdict verdict, SecondViewRun run) =>
        verdict.Expect(run.ViewMade, $"the view was not made: {string.Join("; ", run.Calls.Select(c => $"{c.Call}: {(c.Done ? "done" : c.Error)}"))}");

    public static ClaimVerdict Reads(this ClaimVerdict verdict, ContentCheck? check, string who, string what) =>
        verdict.Expect(check is { Holds: true }, check is null ? $"{who} was not checked for {what}" : $"{who} does not read {what}: {check.Mismatch}");

    public static ClaimVerdict DoesNotRead(this ClaimVerdict verdict, ContentCheck? check, string who, string what) =>
        verdict.Expect(check is { Holds: false }, check is null ? $"{who} was not checked for {what}" : $"{who} reads {what}");

    /// <summary>Each writer read its own write back: a claim that the other side never sees a write is empty otherwise.</summary>
    public static ClaimVerdict OriginalWrote(this ClaimVerdict verdict, SecondViewRun run) =>
        verdict.Reads(run.Content.OriginalReadsBack, "the original", "its own write read back");

    /// <summary>The Linux pages of a side at a step, or null with the claim left unverified where frames are unknown.</summary>
    public static IReadOnlyList<LinuxPage>? Frames(this ClaimVerdict verdict, SecondViewRun run, string step, bool view)
    {
        if (!run.FramesKnown)
        {
            var why = Requires.Frames(run.Frames);
            if (!verdict.Unverified.Contains(why))
            {
                verdict.CannotTell(why);
            }

            return null;
        }

        var side = view ? run.Step(step).View : run.Step(step).Original;
        verdict.Expect(side?.PageStates is not null, $"{step}: the {(view ? "view" : "original")} has no page facts");
        return side?.PageStates;
    }
}

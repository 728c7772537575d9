using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.SecondMapping;

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

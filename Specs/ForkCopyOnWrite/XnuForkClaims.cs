using OolSpecs.Harness.Observations;
using static OolSpecs.Harness.Observations.XnuShareMode;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// What the article documents for XNU at each step of the fork walk-through, as checks.
/// The same code judges a live observation and the article's published table, so the
/// claims are proven against the measurements they come from.
/// </summary>
public static class XnuForkClaims
{
    /// <summary>The claim of one step, as a sentence and the state it documents for a buffer of <paramref name="pages"/> pages.</summary>
    public static (string Sentence, XnuRegionState Documented) For(string step, long pages) => step switch
    {
        ForkSteps.AfterMap => ("an allocation nobody has touched is empty: no resident page and no reference",
            new(0, 0, SM_EMPTY)),
        ForkSteps.AfterWrite => ("writing makes the pages resident in a private region with one reference",
            new(pages, 1, SM_PRIVATE)),
        ForkSteps.ChildAfterFork => ("after fork the child's region is copy-on-write, referenced by both tasks, with the parent's pages resident",
            new(pages, 2, SM_COW)),
        ForkSteps.ChildAfterWrite => ("the child's write gives it a private copy with one reference",
            new(pages, 1, SM_PRIVATE)),
        ForkSteps.ParentBeforeWrite => ("the parent's region stays copy-on-write after the child copied, though its ref_count is back to 1",
            new(pages, 1, SM_COW)),
        ForkSteps.ParentAfterWrite => ("the parent's write makes its region private again",
            new(pages, 1, SM_PRIVATE)),
        _ => throw new ArgumentException($"The fork walk-through has no step '{step}'.", nameof(step)),
    };

    /// <summary>Each way <paramref name="observed"/> departs from the step's documented state; empty when it agrees.</summary>
    public static IReadOnlyList<string> Violations(string step, XnuRegionState observed, long pages)
    {
        var (_, documented) = For(step, pages);
        var violations = new List<string>();
        if (observed.ShareMode != documented.ShareMode)
        {
            violations.Add($"{step}: share_mode is {observed.ShareMode}, documented {documented.ShareMode}");
        }

        if (observed.RefCount != documented.RefCount)
        {
            violations.Add($"{step}: ref_count is {observed.RefCount}, documented {documented.RefCount}");
        }

        if (observed.PagesResident != documented.PagesResident)
        {
            violations.Add($"{step}: pages_resident is {observed.PagesResident}, documented {documented.PagesResident}");
        }

        return violations;
    }
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.XnuShareMode;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// What the article documents for XNU at each step of the fork walk-through. The same code
/// judges a live observation and the article's published table, so the claims are proven
/// against the measurements they come from.
/// </summary>
public static class XnuForkClaims
{
    public static readonly Claim Untouched = new(Kernel.Xnu, "an allocation nobody has touched is empty: no resident page and no reference");
    public static readonly Claim Written = new(Kernel.Xnu, "writing makes the pages resident in a private region with one reference");
    public static readonly Claim ChildShares = new(Kernel.Xnu, "after fork the child's region is copy-on-write, referenced by both tasks, with the parent's pages resident");
    public static readonly Claim ChildCopies = new(Kernel.Xnu, "the child's write gives it a private copy with one reference");
    public static readonly Claim ParentStillCow = new(Kernel.Xnu, "the parent's region stays copy-on-write after the child copied, though its ref_count is back to 1");
    public static readonly Claim ParentPrivate = new(Kernel.Xnu, "the parent's write makes its region private again");

    /// <summary>The claim of one step and the state it documents for a buffer of <paramref name="pages"/> pages.</summary>
    public static (Claim Claim, XnuRegionState Documented) For(string step, long pages) => step switch
    {
        ForkSteps.AfterMap => (Untouched, new(0, 0, SM_EMPTY)),
        ForkSteps.AfterWrite => (Written, new(pages, 1, SM_PRIVATE)),
        ForkSteps.ChildAfterFork => (ChildShares, new(pages, 2, SM_COW)),
        ForkSteps.ChildAfterWrite => (ChildCopies, new(pages, 1, SM_PRIVATE)),
        ForkSteps.ParentBeforeWrite => (ParentStillCow, new(pages, 1, SM_COW)),
        ForkSteps.ParentAfterWrite => (ParentPrivate, new(pages, 1, SM_PRIVATE)),
        _ => throw new ArgumentException($"The fork walk-through has no step '{step}'.", nameof(step)),
    };

    /// <summary>Each way <paramref name="observed"/> departs from the step's documented state.</summary>
    public static ClaimVerdict Judge(string step, XnuRegionState observed, long pages)
    {
        var (claim, documented) = For(step, pages);
        return new ClaimVerdict(claim)
            .Expect(observed.ShareMode == documented.ShareMode, $"{step}: share_mode is {observed.ShareMode}, documented {documented.ShareMode}")
            .Expect(observed.RefCount == documented.RefCount, $"{step}: ref_count is {observed.RefCount}, documented {documented.RefCount}")
            .Expect(observed.PagesResident == documented.PagesResident, $"{step}: pages_resident is {observed.PagesResident}, documented {documented.PagesResident}");
    }
}

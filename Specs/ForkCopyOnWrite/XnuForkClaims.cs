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
    public static readonly Claim Untouched = new(Kernel.Xnu, "an allocation nobody has touched is empty: no resident page and no reference",
        KernelSource.Xnu("`vm_map_enter` (no object until the first fault), `vm_map_region_walk` (SM_EMPTY for a null object)"));
    public static readonly Claim Written = new(Kernel.Xnu, "writing makes the pages resident in a private region with one reference",
        KernelSource.Xnu("`vm_fault_page` (zero-fill into a new object), `vm_map_region_walk`"));
    public static readonly Claim ChildShares = new(Kernel.Xnu, "after fork the child's region is copy-on-write, referenced by both tasks, with the parent's pages resident",
        KernelSource.Xnu("`vm_map_fork` (VM_INHERIT_COPY), `vm_object_copy_quickly` (both entries `needs_copy`), `vm_map_region_walk`"));
    public static readonly Claim ChildCopies = new(Kernel.Xnu, "the child's write gives it a private copy with one reference",
        KernelSource.Xnu("`vm_fault_page` (copy into the child's shadow), `vm_map_region_look_for_page` (the page is found at depth 0)"));
    public static readonly Claim ParentStillCow = new(Kernel.Xnu, "the parent's region stays copy-on-write after the child copied, though its ref_count is back to 1",
        KernelSource.Xnu("`vm_object_collapse` with bypass (`vm_object_do_bypass`, called from the fault path) drops the child's reference; the parent's entry keeps `needs_copy`"));
    public static readonly Claim ParentPrivate = new(Kernel.Xnu, "the parent's write makes its region private again",
        KernelSource.Xnu("`vm_object_shadow` (no shadow is made for an object with one reference), `vm_map_region_walk`"));

    public static readonly Claim ChildPartCopyStillShares = new(Kernel.Xnu, "when the child writes only part of a buffer the parent had written whole, its region stays copy-on-write and still references the parent's object: its copy does not cover it, so nothing is bypassed (SM_COW, ref_count 2, every page resident)",
        KernelSource.Xnu("`vm_object_collapse` (the bypass is refused while the backing object holds pages the shadow does not cover), `vm_map_region_look_for_page` (unwritten pages are found at depth 1), `vm_map_region_walk`"));
    public static readonly Claim ParentStillShares = new(Kernel.Xnu, "so the parent's region, before it writes, is copy-on-write with ref_count 2: the child still references its object",
        KernelSource.Xnu("`vm_object_collapse` (no bypass), `vm_map_region_walk` (SM_COW for `needs_copy`, the object's ref_count)"));

    /// <summary>
    /// The claim of one step and the state it documents for a buffer of <paramref name="pages"/>
    /// pages of which the child writes <paramref name="childWrites"/>; null where the source does
    /// not settle the step (the snapshot holds it).
    /// </summary>
    public static (Claim Claim, XnuRegionState Documented)? For(string step, long pages, Fill childWrites) =>
        childWrites == Fill.All || pages == 1
            ? For(step, pages)
            : step switch
            {
                ForkSteps.ChildAfterWrite => (ChildPartCopyStillShares, new(pages, 2, SM_COW)),
                ForkSteps.ParentBeforeWrite => (ParentStillShares, new(pages, 2, SM_COW)),
                ForkSteps.ParentAfterWrite => null,
                _ => For(step, pages),
            };

    /// <summary>The claim of one step and the state it documents for a buffer of <paramref name="pages"/> pages, all written by the child.</summary>
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
    public static ClaimVerdict Judge(string step, XnuRegionState observed, long pages) => Judge(For(step, pages), step, observed);

    public static ClaimVerdict Judge((Claim Claim, XnuRegionState Documented) documentedStep, string step, XnuRegionState observed)
    {
        var (claim, documented) = documentedStep;
        return new ClaimVerdict(claim)
            .Expect(observed.ShareMode == documented.ShareMode, $"{step}: share_mode is {observed.ShareMode}, documented {documented.ShareMode}")
            .Expect(observed.RefCount == documented.RefCount, $"{step}: ref_count is {observed.RefCount}, documented {documented.RefCount}")
            .Expect(observed.PagesResident == documented.PagesResident, $"{step}: pages_resident is {observed.PagesResident}, documented {documented.PagesResident}");
    }
}

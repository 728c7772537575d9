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
        KernelSource.Xnu(XnuFunctions.VmMapEnter.Because("no object until the first fault"), XnuFunctions.VmMapRegionWalk.Because("SM_EMPTY for a null object")));
    public static readonly Claim Written = new(Kernel.Xnu, "writing makes the pages resident in a private region with one reference",
        KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("an entry without an object gets a new one"), XnuFunctions.VmFaultInternal.Because("its fast path zero-fills the page"), XnuFunctions.VmMapRegionWalk));
    public static readonly Claim ChildShares = new(Kernel.Xnu, "after fork the child's region is copy-on-write, referenced by both tasks, with the parent's pages resident",
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("VM_INHERIT_COPY"), XnuFunctions.VmObjectCopyQuickly.Because("both entries `needs_copy`"), XnuFunctions.VmMapRegionWalk));
    public static readonly Claim ChildCopies = new(Kernel.Xnu, "the child's write gives it a private copy with one reference",
        KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("the child's write through `needs_copy` makes it a shadow"), XnuFunctions.VmFaultInternal.Because("its fast path copies the page into the shadow"), XnuFunctions.VmMapRegionLookForPage.Because("the page is found at depth 0")));
    public static readonly Claim ParentStillCow = new(Kernel.Xnu, "the parent's region stays copy-on-write after the child copied, though its ref_count is back to 1",
        KernelSource.Xnu(XnuFunctions.VmFaultInternal.Because("its fast path asks for a collapse after the copy"), XnuFunctions.VmFaultComplete.Because("calls `vm_object_collapse`"), XnuFunctions.VmObjectCollapse.Because("bypasses the backing object once the shadow covers it"), XnuFunctions.VmObjectDoBypass.Because("drops the child's reference; the parent's entry keeps `needs_copy`")));
    public static readonly Claim ParentPrivate = new(Kernel.Xnu, "the parent's write makes its region private again",
        KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("the parent's write through `needs_copy` asks for a shadow"), XnuFunctions.VmObjectShadow.Because("none is made for an object with one reference"), XnuFunctions.VmMapRegionWalk));

    public static readonly Claim ChildPartCopyStillShares = new(Kernel.Xnu, "when the child writes only part of the buffer, its region stays copy-on-write on the parent's object (SM_COW, ref_count 2, every page resident)",
        KernelSource.Xnu(XnuFunctions.VmObjectCollapse.Because("the bypass is refused while the backing object holds pages the shadow does not cover"), XnuFunctions.VmMapRegionLookForPage.Because("unwritten pages are found at depth 1"), XnuFunctions.VmMapRegionWalk));
    public static readonly Claim ParentStillShares = new(Kernel.Xnu, "when the child wrote only part of the buffer, the parent's region stays copy-on-write with ref_count 2 until the parent writes",
        KernelSource.Xnu(XnuFunctions.VmObjectCollapse.Because("no bypass"), XnuFunctions.VmMapRegionWalk.Because("SM_COW for `needs_copy`, the object's ref_count")));

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

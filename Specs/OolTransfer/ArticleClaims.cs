using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.XnuShareMode;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// The article's claims about a received OOL region, for the memory it sent: purgeable
/// (its vm_allocate passed flags 3, VM_FLAGS_ANYWHERE | VM_FLAGS_PURGABLE). The same code judges
/// live receptions of purgeable memory and the article's published table
/// (docs/reference/article-ool-cases.tsv), which stays their oracle.
/// </summary>
public static class ArticleClaims
{
    public static readonly Claim LargePurgeableDeallocateIsCopiedAtSend =
        new(Kernel.Xnu, "with deallocate, sixteen pages of purgeable memory are still copied at send into a new object holding only the sender's resident pages, even where a physical copy was asked: the receiver gets a private region with one reference and only the touched page resident",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyinOolDescriptor.Because("a physical copy with deallocate is a virtual one"), XnuFunctions.VmMapCopyinInternal.Because("`src_destroy`"), XnuFunctions.VmObjectCopyStrategically, XnuFunctions.VmObjectCopySlowly.Because("purgeable memory is MEMORY_OBJECT_COPY_NONE")));

    public static readonly Claim SmallDeallocateIsCopiedIntoAKernelBuffer =
        new(Kernel.Xnu, "with deallocate, a one-page payload is still copied into a kernel buffer, whatever copy was asked: the receiver gets a private region with one reference and its page resident",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("`len <= msg_ool_size_small`"), XnuFunctions.VmMapCopyinKernelBuffer.Because("which then removes the source range"), XnuFunctions.VmMapCopyoutKernelBuffer));

    public static readonly Claim SmallCopiesArePhysical =
        new(Kernel.Xnu, "a one-page copy without deallocate becomes a private physical copy, whatever was asked",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("`len <= msg_ool_size_small`"), XnuFunctions.VmMapCopyinKernelBuffer, XnuFunctions.VmMapCopyoutKernelBuffer));

    public static readonly Claim LargeVirtualCopyShowsNoCow =
        new(Kernel.Xnu, "a sixteen-page virtual copy of purgeable memory shows no SM_COW in the receiver: purgeable memory is copied at send into a new object holding only the sender's resident pages, so the receiver's region is private, with one reference and only the touched page resident",
            KernelSource.Xnu(XnuFunctions.VmObjectCopyStrategically, XnuFunctions.VmObjectCopySlowly.Because("purgeable memory is MEMORY_OBJECT_COPY_NONE: only resident pages are copied into a new object")));

    public static readonly Claim LargePhysicalCopyShowsCow =
        new(Kernel.Xnu, "a sixteen-page physical copy without deallocate shows SM_COW with one reference and every page resident",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyinOolDescriptor.Because("bytes copied into `ipc_kernel_copy_map`, then `vm_map_copyin` with `src_destroy`"), XnuFunctions.VmObjectCopyQuickly, XnuFunctions.VmMapRegionWalk));

    /// <summary>The copy-field claim and the one claim this reception's options fall under.</summary>
    public static IReadOnlyList<ClaimVerdict> Judge(Reception r)
    {
        var verdicts = new List<ClaimVerdict> { DescriptorClaims.CopyField(r.Sent.Copy, r.ReceivedCopy) };
        if (r.Sent.Dealloc)
        {
            verdicts.Add(Deallocate(r));
        }
        else if (r.Sent.DataPages == ArticleCase.Small)
        {
            verdicts.Add(SmallCopy(r));
        }
        else if (r.Sent.DataPages == ArticleCase.Large)
        {
            verdicts.Add(LargeCopy(r));
        }

        return verdicts;
    }

    /// <summary>The deallocate claim of the reception's size: a kernel buffer for one page, a new object for sixteen purgeable pages.</summary>
    public static ClaimVerdict Deallocate(Reception r) =>
        r.Sent.DataPages == ArticleCase.Small
            ? PrivateWithOneReference(new ClaimVerdict(SmallDeallocateIsCopiedIntoAKernelBuffer), r)
                .DataResident(r, r.Sent.DataPages, "its page")
            : PrivateWithOneReference(new ClaimVerdict(LargePurgeableDeallocateIsCopiedAtSend), r)
                .DataResident(r, r.Sent.TouchedPages, "the pages the sender touched");

    public static ClaimVerdict SmallCopy(Reception r)
    {
        var verdict = PrivateWithOneReference(new ClaimVerdict(SmallCopiesArePhysical), r)
            .DataResident(r, r.Sent.DataPages, "every page of the data");
        return r.SameObjectAsSender is { } same
            ? verdict.Expect(!same, "the receiver maps the sender's own VM object: no copy was made")
            : verdict.CannotTell("whether the receiver's VM object is the sender's is not known here");
    }

    public static ClaimVerdict LargeCopy(Reception r) =>
        r.Sent.Copy == CopyOption.Virtual
            ? PrivateWithOneReference(new ClaimVerdict(LargeVirtualCopyShowsNoCow), r)
                .DataResident(r, r.Sent.TouchedPages, "the pages the sender touched")
            : new ClaimVerdict(LargePhysicalCopyShowsCow)
                .Expect(r.ShareMode == SM_COW, $"share_mode is {r.ShareMode}, not SM_COW")
                .Expect(r.RefCount == 1, $"ref_count is {r.RefCount}, not 1")
                .DataResident(r, r.Sent.DataPages, "every page of the data");

    static ClaimVerdict PrivateWithOneReference(ClaimVerdict verdict, Reception r) =>
        verdict
            .Expect(r.ShareMode == SM_PRIVATE, $"share_mode is {r.ShareMode}, not SM_PRIVATE")
            .Expect(r.RefCount == 1, $"ref_count is {r.RefCount}, not 1");

    /// <summary>
    /// The data's own resident pages are the region's less those of the neighbours merged
    /// into it: the region's extent is accounted for, not special-cased.
    /// </summary>
    static ClaimVerdict DataResident(this ClaimVerdict verdict, Reception r, long expected, string what)
    {
        if (r.RegionPages - r.NeighbourPages != r.Sent.DataPages)
        {
            return verdict.Expect(false,
                $"the region's {r.RegionPages} pages are not the data's {r.Sent.DataPages} plus {r.NeighbourPages} merged neighbouring pages");
        }

        if (r.NeighbourResident is not { } neighbours)
        {
            return verdict.CannotTell(
                $"the region merged {r.NeighbourPages} neighbouring page(s) of unknown residency, so the data's own resident pages cannot be told");
        }

        var own = r.PagesResident - neighbours;
        return verdict.Expect(own == expected,
            $"{own} of the data's pages are resident ({r.PagesResident} in the region, {neighbours} of them its neighbours'); {what} would be {expected}");
    }
}

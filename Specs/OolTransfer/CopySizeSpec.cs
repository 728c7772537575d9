using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// A copy the sender keeps its buffer for, small and large. One page becomes a private
/// physical copy whatever was asked. Sixteen pages asked as a virtual copy show no
/// copy-on-write in the receiver: private, one reference, only the touched page resident.
/// Sixteen pages asked as a physical copy show SM_COW with one reference and every page resident.
/// </summary>
public sealed class CopySizeSpec
{
    public static TheoryData<string> SmallCopies => ArticleCases.Where(c => !c.Dealloc && c.Pages == ArticleCase.Small);

    [SkippableTheory]
    [MemberData(nameof(SmallCopies))]
    public void A_one_page_copy_becomes_a_private_physical_copy_whatever_was_asked(string @case)
    {
        Requires.Xnu();
        ClaimAssert.Holds(OolClaims.SmallCopy(Reception.Of(ArticleCase.Described(@case))));
    }

    [SkippableFact]
    public void A_large_virtual_copy_shows_no_copy_on_write_in_the_receiver()
    {
        Requires.Xnu();
        ClaimAssert.Holds(OolClaims.LargeCopy(Reception.Of(ArticleCase.Described("virtual copy, 16 pages, kept"))));
    }

    [SkippableFact]
    public void A_large_physical_copy_without_deallocate_shows_copy_on_write_with_every_page_resident()
    {
        Requires.Xnu();
        ClaimAssert.Holds(OolClaims.LargeCopy(Reception.Of(ArticleCase.Described("physical copy, 16 pages, kept"))));
    }
}

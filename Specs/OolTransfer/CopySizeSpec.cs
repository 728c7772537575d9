using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>Claims 3 and 4: what a copy without deallocate looks like, small and large.</summary>
public sealed class CopySizeSpec
{
    public static TheoryData<int> SmallCopies => [.. ArticleCase.All.Where(c => !c.Dealloc && c.Pages == ArticleCase.Small).Select(c => c.Number)];

    [SkippableTheory]
    [MemberData(nameof(SmallCopies))]
    public void A_one_page_copy_becomes_a_private_physical_copy_whatever_was_asked(int number)
    {
        XnuOnly.Require();
        ClaimAssert.Holds(OolClaims.SmallCopy(OolRuns.Reception(ArticleCase.Numbered(number))));
    }

    [SkippableFact]
    public void A_large_virtual_copy_shows_no_copy_on_write_in_the_receiver()
    {
        XnuOnly.Require();
        ClaimAssert.Holds(OolClaims.LargeCopy(OolRuns.Reception(ArticleCase.Numbered(3))));
    }

    [SkippableFact]
    public void A_large_physical_copy_without_deallocate_shows_copy_on_write_with_every_page_resident()
    {
        XnuOnly.Require();
        ClaimAssert.Holds(OolClaims.LargeCopy(OolRuns.Reception(ArticleCase.Numbered(7))));
    }
}

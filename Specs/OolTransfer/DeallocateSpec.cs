using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// With deallocate the sender gives its buffer away: the receiver gets a private region with
/// one reference and only the pages the sender touched resident, even where a physical copy
/// was asked.
/// </summary>
public sealed class DeallocateSpec
{
    public static TheoryData<string> DeallocatingCases => ArticleCases.Where(c => c.Dealloc);

    [SkippableTheory]
    [MemberData(nameof(DeallocatingCases))]
    public void With_deallocate_the_mapping_moves_private_with_only_the_touched_pages_resident_even_for_a_physical_copy(string @case)
    {
        Requires.Xnu();
        ClaimAssert.Holds(OolClaims.Deallocate(Reception.Of(ArticleCase.Described(@case))));
    }
}

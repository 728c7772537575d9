using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>Claim 2: deallocate moves the mapping instead of copying it.</summary>
public sealed class DeallocateSpec
{
    public static TheoryData<int> DeallocatingCases => [.. ArticleCase.All.Where(c => c.Dealloc).Select(c => c.Number)];

    [SkippableTheory]
    [MemberData(nameof(DeallocatingCases))]
    public void With_deallocate_the_mapping_moves_private_with_only_the_touched_pages_resident_even_for_a_physical_copy(int number)
    {
        XnuOnly.Require();
        ClaimAssert.Holds(OolClaims.Deallocate(OolRuns.Reception(ArticleCase.Numbered(number))));
    }
}

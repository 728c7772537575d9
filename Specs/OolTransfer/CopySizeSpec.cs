using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// The article's copies of purgeable memory its sender keeps, small and large. One page
/// becomes a private physical copy whatever was asked. Sixteen pages asked as a virtual copy
/// show no copy-on-write in the receiver (purgeable memory is copied at send, which answers
/// the article's "where is copy-on-write?"). Sixteen pages asked as a physical copy show SM_COW
/// with one reference and every page resident.
/// </summary>
public sealed class CopySizeSpec
{
    public static TheoryData<string> SmallPurgeableCopies => OolCases.Where(c => c.Memory == MemoryKind.Purgeable && !c.Dealloc && !c.Large);

    [SkippableTheory]
    [MemberData(nameof(SmallPurgeableCopies))]
    public void A_one_page_copy_becomes_a_private_physical_copy_whatever_was_asked(string @case) =>
        ClaimAssert.Holds(ArticleClaims.SmallCopy(OolCases.Observe(@case).Reception));

    [SkippableFact]
    public void A_large_virtual_copy_of_purgeable_memory_shows_no_copy_on_write_in_the_receiver() =>
        ClaimAssert.Holds(ArticleClaims.LargeCopy(OolCases.Observe("purgeable memory, virtual copy, 16 pages, kept").Reception));

    [SkippableFact]
    public void A_large_physical_copy_without_deallocate_shows_copy_on_write_with_every_page_resident() =>
        ClaimAssert.Holds(ArticleClaims.LargeCopy(OolCases.Observe("purgeable memory, physical copy, 16 pages, kept").Reception));
}

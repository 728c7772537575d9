using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// With deallocate the sender gives its buffer away, and what the receiver gets depends on the
/// size and the memory; each is its own claim. One page, whatever the memory and the copy asked,
/// is still copied into a kernel buffer: private, one reference, its page resident. Sixteen pages
/// of purgeable memory, as the article sent them, are still copied at send into a new object:
/// private, one reference, only the touched page resident, even where a physical copy was asked.
/// Sixteen pages of anonymous memory are handed over: the receiver maps the sender's very object,
/// copy-on-write with one reference.
/// </summary>
public sealed class DeallocateSpec
{
    public static TheoryData<string> SmallDeallocating => OolCases.Where(c => c.Dealloc && !c.Large);

    public static TheoryData<string> LargePurgeableDeallocating => OolCases.Where(c => c.Memory == MemoryKind.Purgeable && c.Dealloc && c.Large);

    public static TheoryData<string> LargeAnonymousDeallocating => OolCases.Where(c => c.Memory == MemoryKind.Anonymous && c.Dealloc && c.Large);

    [SkippableTheory]
    [MemberData(nameof(SmallDeallocating))]
    public void With_deallocate_one_page_is_still_copied_into_a_kernel_buffer(string @case) =>
        ClaimAssert.Holds(ArticleClaims.Deallocate(OolCases.Observe(@case).Reception));

    [SkippableTheory]
    [MemberData(nameof(LargePurgeableDeallocating))]
    public void With_deallocate_large_purgeable_memory_is_still_copied_at_send_even_for_a_physical_copy(string @case) =>
        ClaimAssert.Holds(ArticleClaims.Deallocate(OolCases.Observe(@case).Reception));

    [SkippableTheory]
    [MemberData(nameof(LargeAnonymousDeallocating))]
    public void With_deallocate_large_anonymous_memory_hands_its_object_to_the_receiver(string @case) =>
        ClaimAssert.Holds(CopyPathClaims.AnonymousDeallocate(OolCases.Observe(@case)));
}

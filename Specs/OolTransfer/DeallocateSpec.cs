namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// With deallocate the sender gives its buffer away, and what the receiver gets depends on the
/// memory. Purgeable memory, as the article sent it, arrives private with one reference and only
/// the touched pages resident, even where a physical copy was asked: it is copied, never moved.
/// Anonymous memory past the small-copy size is handed over: the receiver maps the sender's very
/// object, copy-on-write with one reference.
/// </summary>
public sealed class DeallocateSpec
{
    public static TheoryData<string> PurgeableDeallocating => OolCases.Where(c => c.Memory == Harness.Words.MemoryKind.Purgeable && c.Dealloc);

    public static TheoryData<string> LargeAnonymousDeallocating => OolCases.Where(c => c.Memory == Harness.Words.MemoryKind.Anonymous && c.Dealloc && c.Large);

    [SkippableTheory]
    [MemberData(nameof(PurgeableDeallocating))]
    public void With_deallocate_purgeable_memory_arrives_private_with_only_the_touched_pages_resident_even_for_a_physical_copy(string @case) =>
        ClaimAssert.Holds(ArticleClaims.Deallocate(OolCases.Observe(@case).Reception));

    [SkippableTheory]
    [MemberData(nameof(LargeAnonymousDeallocating))]
    public void With_deallocate_large_anonymous_memory_hands_its_object_to_the_receiver(string @case) =>
        ClaimAssert.Holds(CopyPathClaims.AnonymousDeallocate(OolCases.Observe(@case)));
}

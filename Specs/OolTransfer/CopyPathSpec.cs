using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// The memory that is sent decides the copy. Up to the small-copy size every payload goes
/// through a kernel buffer. Past it, anonymous memory sent as a virtual copy is shared
/// copy-on-write with the sender; purgeable memory is copied at send into a new object;
/// malloc'ed memory is copied at send where its region carries one of malloc's no-copy-on-write
/// tags, and shared like anonymous memory where it is tagged MALLOC_LARGE (3); and a physical copy the sender keeps goes through
/// the kernel's IPC copy map, whatever the memory.
/// </summary>
public sealed class CopyPathSpec
{
    public static TheoryData<string> SmallCases => OolCases.Where(c => !c.Large);

    /// <summary>Every kind of memory: the probe asks malloc for page-aligned blocks, so every payload here is whole pages from a page boundary.</summary>
    public static TheoryData<string> LargeKeptPhysicalCopies => OolCases.Where(c => c.Large && c.Copy == CopyOption.Physical && !c.Dealloc);

    public static TheoryData<string> LargePurgeableCopiedAtSend => OolCases.Where(c => c.Large && c.Memory == MemoryKind.Purgeable && (c.Copy == CopyOption.Virtual || c.Dealloc));

    [SkippableTheory]
    [MemberData(nameof(SmallCases))]
    public void A_payload_up_to_the_small_copy_size_goes_through_a_kernel_buffer(string @case) =>
        ClaimAssert.Holds(CopyPathClaims.SmallPayload(OolCases.Observe(@case)));

    [SkippableFact]
    public void A_large_virtual_copy_of_anonymous_memory_is_shared_copy_on_write_with_the_sender() =>
        ClaimAssert.Holds(CopyPathClaims.AnonymousVirtualCopy(OolCases.Observe("anonymous memory, virtual copy, 16 pages, kept")));

    [SkippableTheory]
    [MemberData(nameof(LargePurgeableCopiedAtSend))]
    public void Large_purgeable_memory_is_copied_at_send_into_a_new_object(string @case) =>
        ClaimAssert.Holds(CopyPathClaims.PurgeableCopy(OolCases.Observe(@case)));

    [SkippableFact]
    public void A_large_virtual_copy_of_malloced_memory_is_copied_or_shared_by_its_regions_tag() =>
        ClaimAssert.Holds(CopyPathClaims.MallocCopy(OolCases.Observe("malloc memory, virtual copy, 16 pages, kept")));

    [SkippableTheory]
    [MemberData(nameof(LargeKeptPhysicalCopies))]
    public void A_large_kept_physical_copy_goes_through_the_kernels_IPC_copy_map(string @case) =>
        ClaimAssert.Holds(CopyPathClaims.LargePhysicalCopy(OolCases.Observe(@case)));
}

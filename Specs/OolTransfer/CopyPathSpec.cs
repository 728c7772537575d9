using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// The memory that is sent decides the copy. Up to the small-copy size every payload goes
/// through a kernel buffer. Past it, anonymous memory sent as a virtual copy is shared
/// copy-on-write with the sender; purgeable memory is copied at send into a new object;
/// malloc'ed memory is copied, never shared; and a physical copy the sender keeps goes through
/// the kernel's IPC copy map, whatever the (page-aligned) memory.
/// </summary>
public sealed class CopyPathSpec
{
    public static TheoryData<string> SmallCases => OolCases.Where(c => !c.Large);

    /// <summary>Page-aligned memory only: where a malloc'ed block starts inside a page, the source does not settle how its copy is copied out.</summary>
    public static TheoryData<string> LargeKeptPhysicalCopies => OolCases.Where(c => c.Large && c.Copy == CopyOption.Physical && !c.Dealloc && c.Memory != MemoryKind.Malloc);

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
    public void A_large_virtual_copy_of_malloced_memory_is_copied_never_shared() =>
        ClaimAssert.Holds(CopyPathClaims.MallocCopy(OolCases.Observe("malloc memory, virtual copy, 16 pages, kept")));

    [SkippableTheory]
    [MemberData(nameof(LargeKeptPhysicalCopies))]
    public void A_large_kept_physical_copy_goes_through_the_kernels_IPC_copy_map(string @case) =>
        ClaimAssert.Holds(CopyPathClaims.LargePhysicalCopy(OolCases.Observe(@case)));
}

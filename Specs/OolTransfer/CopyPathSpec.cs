namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// The memory that is sent decides the copy: one claim per copy path, each a theory over the
/// cases of <see cref="OolTransferCases"/> that fall under it.
/// Allocation: purgeable <c>vm_allocate(VM_FLAGS_ANYWHERE | VM_FLAGS_PURGABLE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1))</c>;
/// anonymous the same without VM_FLAGS_PURGABLE; malloc <c>posix_memalign(vm_page_size)</c>, tagged by libmalloc's zone.
/// Probe: <c>oolprobe ool-transfer --memory purgeable|anonymous|malloc --copy virtual|physical --pages 1|16 --dealloc yes|no --fill first --receiver-fill first --messages 1</c>.
/// The receiver's region is judged right after the receive; each failure message names the field
/// and the value the path gives it (share_mode, ref_count, the data's resident pages, the path read
/// from both tasks' user_tags and objects).
/// </summary>
public sealed class CopyPathSpec
{
    public static TheoryData<string> Small => OolTransferCases.All.Under(CopyPathClaims.SmallPayloadsGoThroughAKernelBuffer);

    public static TheoryData<string> PurgeableCopied => OolTransferCases.All.Under(CopyPathClaims.PurgeableIsCopiedAtSend);

    public static TheoryData<string> AnonymousShared => OolTransferCases.All.Under(CopyPathClaims.AnonymousVirtualCopyIsShared);

    public static TheoryData<string> AnonymousHandedOver => OolTransferCases.All.Under(CopyPathClaims.AnonymousDeallocateHandsOverTheObject);

    public static TheoryData<string> KeptPhysical => OolTransferCases.All.Under(CopyPathClaims.LargePhysicalCopyGoesThroughTheIpcCopyMap);

    public static TheoryData<string> MallocCopied => OolTransferCases.All.Under(CopyPathClaims.MallocIsCopiedNotShared);

    public static TheoryData<string> MallocLarge => OolTransferCases.All.Under(CopyPathClaims.MallocLargeIsShared);

    /// <summary>Every memory, 1 page: fresh private memory, SM_PRIVATE, ref_count 1, every page resident, user_tag 0.</summary>
    [SkippableTheory]
    [MemberData(nameof(Small))]
    public void A_payload_up_to_the_small_copy_size_goes_through_a_kernel_buffer(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.SmallPayloadsGoThroughAKernelBuffer));

    /// <summary>Purgeable, 16 pages, virtual or deallocated: a new object, SM_PRIVATE, ref_count 1, the written page only (the article's "where is copy-on-write?").</summary>
    [SkippableTheory]
    [MemberData(nameof(PurgeableCopied))]
    public void Large_purgeable_memory_is_copied_at_send_into_a_new_object(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.PurgeableIsCopiedAtSend));

    /// <summary>Anonymous, 16 pages, virtual, kept: the sender's object, SM_COW, ref_count 2; the sender SM_COW while queued.</summary>
    [SkippableTheory]
    [MemberData(nameof(AnonymousShared))]
    public void A_large_virtual_copy_of_anonymous_memory_is_shared_copy_on_write_with_the_sender(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.AnonymousVirtualCopyIsShared));

    /// <summary>Anonymous, 16 pages, deallocated, virtual or physical: the sender's object handed over, SM_COW, ref_count 1.</summary>
    [SkippableTheory]
    [MemberData(nameof(AnonymousHandedOver))]
    public void With_deallocate_large_anonymous_memory_hands_its_object_to_the_receiver(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.AnonymousDeallocateHandsOverTheObject));

    /// <summary>Every memory, 16 pages, physical, kept: SM_COW, ref_count 1, every page resident, user_tag 7 (VM_KERN_MEMORY_IPC).</summary>
    [SkippableTheory]
    [MemberData(nameof(KeptPhysical))]
    public void A_large_kept_physical_copy_goes_through_the_kernels_IPC_copy_map(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.LargePhysicalCopyGoesThroughTheIpcCopyMap));

    /// <summary>Malloc, 16 pages, virtual, kept, in a region tagged 1, 2, 7, 11 or 12: never the sender's object, the sender's region unchanged. Another tag: unverified.</summary>
    [SkippableTheory]
    [MemberData(nameof(MallocCopied))]
    public void A_large_virtual_copy_of_malloced_memory_tagged_for_no_copy_on_write_is_copied(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.MallocIsCopiedNotShared));

    /// <summary>Malloc, 16 pages, virtual, kept, in a region tagged 3 (MALLOC_LARGE): shared as anonymous memory is. Another tag: unverified.</summary>
    [SkippableTheory]
    [MemberData(nameof(MallocLarge))]
    public void A_large_virtual_copy_of_MALLOC_LARGE_memory_is_shared_copy_on_write(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.MallocLargeIsShared));
}

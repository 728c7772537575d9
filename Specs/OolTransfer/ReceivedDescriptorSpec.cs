namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// What the receiver reads in an OOL descriptor, in every case of <see cref="OolTransferCases"/>:
/// its copy field is the option the sender asked for, whatever copy the kernel made; its deallocate
/// bit is rewritten by the kernel and says VIRTUAL_COPY, not what the sender asked.
/// Allocation: each case's own (purgeable and anonymous <c>vm_allocate</c>, malloc <c>posix_memalign</c>).
/// Probe: <c>oolprobe ool-transfer --memory … --copy virtual|physical --pages 1|16 --dealloc yes|no …</c>; the receiver reports the descriptor as received.
/// </summary>
public sealed class ReceivedDescriptorSpec
{
    public static TheoryData<string> CopyField => OolTransferCases.All.Under(DescriptorClaims.CopyFieldIsTheSendersOption);

    public static TheoryData<string> DeallocateBit => OolTransferCases.All.Under(DescriptorClaims.DeallocateBitSaysVirtualCopy);

    [SkippableTheory]
    [MemberData(nameof(CopyField))]
    public void The_receivers_copy_field_is_the_senders_option_never_what_the_kernel_did(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, DescriptorClaims.CopyFieldIsTheSendersOption));

    [SkippableTheory]
    [MemberData(nameof(DeallocateBit))]
    public void The_receivers_deallocate_bit_is_set_exactly_for_a_virtual_copy(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, DescriptorClaims.DeallocateBitSaysVirtualCopy));
}

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// What the receiver reads in an OOL descriptor. Its copy field is the option the sender asked
/// for, in every case, whatever copy the kernel made; its deallocate bit is rewritten by the
/// kernel and says VIRTUAL_COPY, not what the sender asked.
/// </summary>
public sealed class ReceivedDescriptorSpec
{
    public static TheoryData<string> EveryCase => OolCases.Every;

    [SkippableTheory]
    [MemberData(nameof(EveryCase))]
    public void The_receivers_copy_field_is_the_senders_option_never_what_the_kernel_did(string @case)
    {
        var transfer = OolCases.Observe(@case);
        ClaimAssert.Holds(DescriptorClaims.CopyField(transfer.Case.Copy, transfer.Descriptor.Copy));
    }

    [SkippableTheory]
    [MemberData(nameof(EveryCase))]
    public void The_receivers_deallocate_bit_is_set_exactly_for_a_virtual_copy(string @case) =>
        ClaimAssert.Holds(DescriptorClaims.DeallocateBit(OolCases.Observe(@case).Descriptor));
}

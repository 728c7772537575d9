using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>What the receiver reads in the descriptor itself, whatever the memory and the copy made.</summary>
public static class DescriptorClaims
{
    public static readonly Claim CopyFieldIsTheSendersOption =
        new(Kernel.Xnu, "the receiver's copy field is the sender's option, never what the kernel did",
            KernelSource.Xnu("`ipc_kmsg_copyout_ool_descriptor` (xnu-10002) and `ipc_kmsg_deflate_memory_descriptor` (xnu-11215 on) never rewrite the copy field"));

    public static readonly Claim DeallocateBitSaysVirtualCopy =
        new(Kernel.Xnu, "the receiver reads deallocate set exactly for a VIRTUAL_COPY, whatever the sender asked: the kernel rewrites the bit on copyout",
            KernelSource.Xnu("`ipc_kmsg_copyout_ool_descriptor` (xnu-10002) and `ipc_kmsg_deflate_memory_descriptor` (xnu-11215 on) set `deallocate = (copy == MACH_MSG_VIRTUAL_COPY)`"));

    public static ClaimVerdict CopyField(CopyOption asked, CopyOption received) =>
        new ClaimVerdict(CopyFieldIsTheSendersOption)
            .Expect(received == asked, $"the receiver read copy {received.ArticleName()}; the sender asked for {asked.ArticleName()}");

    public static ClaimVerdict DeallocateBit(OolDescriptor received) =>
        new ClaimVerdict(DeallocateBitSaysVirtualCopy)
            .Expect(received.Deallocate == (received.Copy == CopyOption.Virtual),
                $"the receiver read deallocate {received.Deallocate} with copy {received.Copy.ArticleName()}");
}

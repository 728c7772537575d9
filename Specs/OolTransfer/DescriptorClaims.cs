using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>What the receiver reads in the descriptor itself, whatever the memory and the copy made.</summary>
public static class DescriptorClaims
{
    public static readonly Claim CopyFieldIsTheSendersOption =
        new(Kernel.Xnu, "the receiver's copy field is the sender's option, never what the kernel did",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.OnlyAt(XnuTags.Xnu10002).Because("never rewrites the copy field"), XnuFunctions.IpcKmsgDeflateMemoryDescriptor.OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417).Because("never rewrites the copy field")));

    public static readonly Claim DeallocateBitSaysVirtualCopy =
        new(Kernel.Xnu, "the receiver reads deallocate set exactly for a VIRTUAL_COPY, whatever the sender asked: the kernel rewrites the bit on copyout",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.OnlyAt(XnuTags.Xnu10002).Because("sets `deallocate = (copy == MACH_MSG_VIRTUAL_COPY)`"), XnuFunctions.IpcKmsgDeflateMemoryDescriptor.OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417).Because("sets `deallocate = (copy == MACH_MSG_VIRTUAL_COPY)`")));

    public static ClaimVerdict CopyField(CopyOption asked, CopyOption received) =>
        new ClaimVerdict(CopyFieldIsTheSendersOption)
            .Expect(received == asked, $"the receiver read copy {received.ArticleName()}; the sender asked for {asked.ArticleName()}");

    public static ClaimVerdict DeallocateBit(OolDescriptor received) =>
        new ClaimVerdict(DeallocateBitSaysVirtualCopy)
            .Expect(received.Deallocate == (received.Copy == CopyOption.Virtual),
                $"the receiver read deallocate {received.Deallocate} with copy {received.Copy.ArticleName()}");
}

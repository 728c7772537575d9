using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>What the receiver reads in the descriptor itself, whatever the memory and the copy made.</summary>
public static class DescriptorClaims
{
    public static readonly Claim CopyFieldIsTheSendersOption =
        new(Kernel.Xnu, "the receiver's copy field is the sender's option, never what the kernel did",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.OnlyAt(XnuTags.Xnu10002).Because("never rewrites the copy field"), XnuFunctions.IpcKmsgDeflateMemoryDescriptor.OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417).Because("never rewrites the copy field")));

    public static readonly Claim DeallocateBitSaysVirtualCopy =
        new(Kernel.Xnu, "the kernel rewrites the receiver's deallocate bit to say whether the copy is a VIRTUAL_COPY",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.OnlyAt(XnuTags.Xnu10002).Because("sets `deallocate = (copy == MACH_MSG_VIRTUAL_COPY)`"), XnuFunctions.IpcKmsgDeflateMemoryDescriptor.OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417).Because("sets `deallocate = (copy == MACH_MSG_VIRTUAL_COPY)`")));

    public static ClaimVerdict CopyField(Reception r) =>
        new ClaimVerdict(CopyFieldIsTheSendersOption)
            .Expect(r.ReceivedCopy == r.Case.Copy, $"the receiver read copy {r.ReceivedCopy.ArticleName()}; the sender asked for {r.Case.Copy.ArticleName()}");

    public static ClaimVerdict DeallocateBit(Reception r) =>
        r.ReceivedDeallocate is { } deallocate
            ? new ClaimVerdict(DeallocateBitSaysVirtualCopy)
                .Expect(deallocate == (r.ReceivedCopy == CopyOption.Virtual),
                    $"the receiver read deallocate {deallocate} with copy {r.ReceivedCopy.ArticleName()}; the sender asked for deallocate {r.Case.Dealloc}")
            : new ClaimVerdict(DeallocateBitSaysVirtualCopy).CannotTell("the deallocate bit the receiver read is not known here");
}

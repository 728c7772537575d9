using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>Who is charged for a large virtual copy of anonymous memory: phys_footprint follows the page tables.</summary>
public static class FootprintClaims
{
    public static readonly Claim ReceivingChargesNothing =
        new(Kernel.Xnu, "a large virtual copy is not charged to the receiver's phys_footprint when it arrives",
            KernelSource.Xnu(XnuFunctions.PmapEnterOptionsInternal.Because("phys_footprint is credited to a pmap as it maps a page; the copied-out entry maps nothing until it faults"), XnuFunctions.VmMapCopyoutInternal));

    public static readonly Claim WritingEveryPageChargesThePayload =
        new(Kernel.Xnu, "once the receiver has written every page it is charged the whole payload",
            KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("each write through `needs_copy` gives the receiver a shadow"), XnuFunctions.VmFaultInternal.Because("its fast path copies the page into it"), XnuFunctions.PmapEnterOptionsInternal.Because("and maps it, crediting phys_footprint")));

    public static ClaimVerdict Receiving(OolFootprint charges) =>
        new ClaimVerdict(ReceivingChargesNothing).Expect(charges.ReceiverCharge(OolSteps.Received) == 0.0m,
            $"the receiver was charged {OolFootprint.Tenths(charges.ReceiverCharge(OolSteps.Received))} of the payload on receiving");

    public static ClaimVerdict Writing(OolFootprint charges) =>
        new ClaimVerdict(WritingEveryPageChargesThePayload).Expect(charges.ReceiverCharge(OolSteps.AfterWrite) == 1.0m,
            $"the receiver was charged {OolFootprint.Tenths(charges.ReceiverCharge(OolSteps.AfterWrite))} of the payload after writing it all");
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>Who is charged for a large virtual copy of anonymous memory: phys_footprint follows the page tables.</summary>
public static class FootprintClaims
{
    public static readonly Claim ReceivingChargesNothing =
        new(Kernel.Xnu, "a large virtual copy is not charged to the receiver's phys_footprint when it arrives",
            KernelSource.Xnu("`pmap_enter_options_internal` (phys_footprint is credited to a pmap as it maps a page; the copied-out entry maps nothing until it faults), `vm_map_copyout_internal`"));

    public static readonly Claim WritingEveryPageChargesThePayload =
        new(Kernel.Xnu, "once the receiver has written every page it is charged the whole payload",
            KernelSource.Xnu("`vm_fault_page` (each write copies the page into the receiver's shadow), `pmap_enter_options_internal` (and maps it, crediting phys_footprint)"));

    public static ClaimVerdict Receiving(OolFootprint charges) =>
        new ClaimVerdict(ReceivingChargesNothing).Expect(charges.ReceiverCharge(OolSteps.Received) == 0.0m,
            $"the receiver was charged {OolFootprint.Tenths(charges.ReceiverCharge(OolSteps.Received))} of the payload on receiving");

    public static ClaimVerdict Writing(OolFootprint charges) =>
        new ClaimVerdict(WritingEveryPageChargesThePayload).Expect(charges.ReceiverCharge(OolSteps.AfterWrite) == 1.0m,
            $"the receiver was charged {OolFootprint.Tenths(charges.ReceiverCharge(OolSteps.AfterWrite))} of the payload after writing it all");
}

using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// A large virtual copy of anonymous memory is not charged to the receiver's phys_footprint
/// when it arrives, and is charged in full once the receiver has written every page. 64 MiB by
/// default; OOLSPECS_LARGE_BYTES=268435456 (or 2147483648) for the article's sizes.
/// Allocation: anonymous, <c>vm_allocate(VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1))</c>.
/// Probe: <c>oolprobe ool-transfer --memory anonymous --copy virtual --bytes 67108864 --dealloc no --fill all --receiver-fill all --messages 1</c>.
/// Not a row of <see cref="OolTransferCases"/>: both tasks write every page, and the claims judge phys_footprint, not the reception.
/// </summary>
public sealed class FootprintSpec
{
    static OolFootprint Charges()
    {
        Requires.KernelOf(OolFootprintScenario.FromEnvironment());
        return new OolFootprint(Observed.Of(OolFootprintScenario.FromEnvironment()));
    }

    [SkippableFact]
    public void A_large_virtual_copy_is_not_charged_to_the_receiver_until_it_writes() => ClaimAssert.Holds(FootprintClaims.Receiving(Charges()));

    [SkippableFact]
    public void Once_the_receiver_writes_every_page_it_is_charged_the_whole_payload() => ClaimAssert.Holds(FootprintClaims.Writing(Charges()));

    [SkippableFact]
    public void Both_tasks_charges_match_the_approved_snapshot() => Snapshot.Matches(OolFootprintScenario.FromEnvironment());
}

using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// Two small receptions in one receiver: where they land is observed (the snapshot says whether
/// the second is next to the first), and where they meet the kernel grows the first's region to
/// hold both, the effect behind the article's merged regions. The probe reports such a merge
/// rather than hiding it.
/// Allocation: anonymous, <c>vm_allocate(VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1))</c>, one buffer per message.
/// Probe: <c>oolprobe ool-transfer --memory anonymous --copy virtual --pages 1 --dealloc no --fill first --receiver-fill first --messages 2</c>.
/// Not a row of <see cref="OolTransferCases"/>: its claim is about two receptions of one run, not one case's reception.
/// </summary>
public sealed class AdjacentReceptionsSpec
{
    static readonly OolTransferScenario TwoMessages = OolTransferScenario.TwoAdjacentReceptions;

    [SkippableFact]
    public void Where_two_receptions_meet_the_region_grows_to_hold_both()
    {
        Requires.KernelOf(TwoMessages);
        ClaimAssert.Holds(AdjacencyClaims.Merged(Observed.Of(TwoMessages)));
    }

    [SkippableFact]
    public void Both_receptions_match_the_approved_snapshot() => Snapshot.Matches(TwoMessages);
}

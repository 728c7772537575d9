using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// A physical copy its sender keeps must fit the kernel's IPC copy map: 7 MiB is sent, one
/// byte more is refused at send with MACH_MSG_VM_KERNEL. The refusal is an observation of the
/// send, not a failure of the probe.
/// Allocation: anonymous, <c>vm_allocate(VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1))</c>.
/// Probe: <c>oolprobe ool-transfer --memory anonymous --copy physical --bytes 7340032|7340033 --dealloc no --fill first --receiver-fill first --messages 1</c>.
/// Not a row of <see cref="OolTransferCases"/>: its claim judges two runs either side of the limit together.
/// </summary>
public sealed class PhysicalCopyLimitSpec
{
    [SkippableFact]
    public void A_kept_physical_copy_past_7_MiB_is_refused_at_send_and_7_MiB_is_sent()
    {
        Requires.KernelOf(OolPhysicalLimit.PastTheLimit);
        ClaimAssert.Holds(LimitClaims.Limit(Observed.Of(OolPhysicalLimit.AtTheLimit), Observed.Of(OolPhysicalLimit.PastTheLimit)));
    }

    [SkippableFact]
    public void The_refused_send_matches_its_approved_snapshot() => Snapshot.Matches(OolPhysicalLimit.PastTheLimit);
}

using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// A payload up to the kernel's small-copy size (msg_ool_size_small, KHEAP_MAX_SIZE: 32 KiB on
/// arm64, 16 KiB on x86_64) goes through a kernel buffer at send; a larger one does not. One that
/// is also not whole pages is copied out at receive over a VM_MEMORY_MACH_MSG region: in full under
/// three pages' worth of bytes (arm64's 32769), only its unaligned ends from three on (x86_64's
/// 16385, whose four whole pages keep the sender's object). The sweep sends anonymous memory
/// at every page count to one page past 64 KiB and a byte either side of 16 and 32 KiB; the
/// snapshot records the threshold in bytes, so a release that moves it fails here.
/// Allocation: anonymous, <c>vm_allocate(VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1))</c>.
/// Probe: per size, <c>oolprobe ool-transfer --memory anonymous --copy virtual --pages N|--bytes N --dealloc no --fill first --receiver-fill first --messages 1</c>, each to a fresh receiver.
/// Not a row of <see cref="OolTransferCases"/>: its claims judge the whole sweep of sizes at once.
/// </summary>
public sealed class SmallCopyThresholdSpec
{
    static readonly OolThresholdScenario Sweep = new();

    [SkippableFact]
    public void The_small_copy_size_is_KHEAP_MAX_SIZE_for_this_kernels_arch()
    {
        Requires.KernelOf(Sweep);
        ClaimAssert.Holds(ThresholdClaims.Threshold(Observed.Of(Sweep), Lab.Platform.Arch));
    }

    [SkippableFact]
    public void One_byte_past_the_small_copy_size_is_copied_at_receive_but_for_whole_pages_from_three_pages_on()
    {
        Requires.KernelOf(Sweep);
        ClaimAssert.Holds(ThresholdClaims.Misaligned(Observed.Of(Sweep), Lab.Platform.Arch));
    }

    [SkippableFact]
    public void The_threshold_in_bytes_matches_the_approved_snapshot() => Snapshot.Matches(Sweep);
}

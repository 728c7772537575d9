using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>How much a kept physical copy may carry: the room in the kernel's IPC copy map for one message.</summary>
public static class LimitClaims
{
    /// <summary>MACH_MSG_VM_KERNEL: "kernel resource shortage handling memory", returned alone.</summary>
    public const long MachMsgVmKernel = 0x400;

    public static readonly Claim PhysicalCopyPastTheLimitIsRefused =
        new(Kernel.Xnu, "a kept physical copy of more than 7 MiB, 7/8 of the kernel's IPC copy map, is refused at send",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyinBody.OnlyAt(XnuTags.Xnu10002).Because("sums `round_page` of each kept physical copy and compares with `ipc_kmsg_max_vm_space`"), XnuFunctions.IpcKmsgInflateOolDescriptor.OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417), XnuFunctions.IpcValidateKmsgSchemaFromUser.OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417).Because("sum `round_page` of each kept physical copy and compare with `ipc_kmsg_max_vm_space`")));

    public static ClaimVerdict Limit(OolTransferRun atTheLimit, OolTransferRun pastTheLimit) =>
        new ClaimVerdict(PhysicalCopyPastTheLimitIsRefused)
            .Expect(atTheLimit.AllSent, $"{OolPhysicalLimit.Bytes} bytes were refused: {atTheLimit.Sender[0].SendResult}")
            .Expect(pastTheLimit.Sender[0].SendResult.Code == MachMsgVmKernel,
                $"{OolPhysicalLimit.Bytes + 1} bytes gave {pastTheLimit.Sender[0].SendResult}, not MACH_MSG_VM_KERNEL (0x400)")
            .Expect(pastTheLimit.Receiver.Messages.Count == 0, "the receiver received a refused message");
}

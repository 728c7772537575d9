namespace OolSpecs.Harness.Scenarios;

/// <summary>How the kernel carried one OOL payload, as read from what both tasks show.</summary>
public enum CopyPath
{
    /// <summary>The send was refused: nothing was carried.</summary>
    NotSent,
    /// <summary>Copied into a kernel buffer at send, copied out into fresh memory (receiver user_tag 0).</summary>
    KernelBuffer,
    /// <summary>Virtual: the receiver maps the sender's own VM object (the sender's tag), copy-on-write.</summary>
    SendersObject,
    /// <summary>Copied at send into a new VM object of the sender's tag (vm_object_copy_slowly).</summary>
    CopiedAtSend,
    /// <summary>Copied through the kernel's IPC copy map (physical): receiver user_tag 7, VM_KERN_MEMORY_IPC.</summary>
    IpcCopyMap,
    /// <summary>Virtual at send, copied in full at receive because it is misaligned: receiver user_tag 20, VM_MEMORY_MACH_MSG, a new object.</summary>
    CopiedAtReceive,
    /// <summary>
    /// Virtual at send and misaligned, copied out over a VM_MEMORY_MACH_MSG (20) region, yet the receiver
    /// maps the sender's object: vm_map_copy_overwrite copies only the unaligned head and tail of a payload of
    /// three pages or more and maps its whole pages (vm_map_copy_overwrite_aligned).
    /// </summary>
    WholePagesMappedAtReceive,
    /// <summary>None of the above: the receiver's tag is neither the sender's nor one the kernel's copy paths give.</summary>
    Unrecognised,
}

/// <summary>
/// Reads the copy path of a transfer from the receiver's user_tag and VM object (at the data's first
/// page), against the sender's (docs/xnu-copy-paths.md): the classification is an observation, kept in the snapshot;
/// the claims about which path a case takes follow the kernel's source.
/// </summary>
public static class CopyPaths
{
    /// <summary>VM_KERN_MEMORY_IPC: the tag of memory copied out of ipc_kernel_copy_map.</summary>
    public const int IpcKernelTag = 7;

    /// <summary>VM_MEMORY_MACH_MSG: the tag of a misaligned copyout.</summary>
    public const int MachMsgTag = 20;

    public static CopyPath Of(OolTransferRun run, int message = 1)
    {
        var sent = run.Sender[message - 1];
        if (sent.SendResult.Code != 0 || run.Receiver.Messages.Count < message)
        {
            return CopyPath.NotSent;
        }

        var receiverTag = run.Receiver.Messages[message - 1].Step(OolSteps.Received).Region.UserTag;
        var senderTag = sent.StepOrFail(OolSteps.BeforeSend).Region.UserTag;
        if (senderTag is IpcKernelTag or MachMsgTag && !run.ReceiverMapsSendersObject(message))
        {
            // A sender tagged like a kernel path (7 is also VM_MEMORY_MALLOC_TINY) leaves the tag unable to tell.
            return CopyPath.Unrecognised;
        }

        return receiverTag switch
        {
            _ when receiverTag == senderTag => run.ReceiverMapsSendersObject(message) ? CopyPath.SendersObject : CopyPath.CopiedAtSend,
            0 => CopyPath.KernelBuffer,
            IpcKernelTag => CopyPath.IpcCopyMap,
            MachMsgTag => run.ReceiverMapsSendersObject(message) ? CopyPath.WholePagesMappedAtReceive : CopyPath.CopiedAtReceive,
            _ => CopyPath.Unrecognised,
        };
    }

    /// <summary>The path in words, as snapshots print it.</summary>
    public static string InWords(this CopyPath path) => path switch
    {
        CopyPath.NotSent => "not sent",
        CopyPath.KernelBuffer => "kernel buffer at send",
        CopyPath.SendersObject => "virtual: the sender's object, mapped",
        CopyPath.CopiedAtSend => "copied at send into a new object",
        CopyPath.IpcCopyMap => "physical, through the IPC copy map",
        CopyPath.CopiedAtReceive => "virtual at send, copied at receive (misaligned)",
        CopyPath.WholePagesMappedAtReceive => "virtual at send, misaligned: whole pages keep the sender's object, only the ends are copied out",
        _ => "unrecognised",
    };
}

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// A VM object as a snapshot letters it: its raw id, and which object of that id it is. Ids are
/// hashes of the object's kernel address, so an object made after another was freed can carry
/// the freed one's id; <see cref="Made"/> tells the two apart.
/// </summary>
public readonly record struct VmObject(ulong Id, int Made);

/// <summary>
/// Which VM object each id of an OOL transfer names. With deallocate, a payload up to the
/// small-copy size is copied into a kernel buffer and the sender's range is removed inside the
/// send (`vm_map_copyin_kernel_buffer`), which frees the sender's object; the receiver's object is
/// made only later, when `vm_map_copyout_kernel_buffer` enters an empty range (VM_OBJECT_NULL) and
/// copies the bytes into it. The freed object's kernel address, and so its id, can then be the
/// receiver's: run to run, the same kernel behaviour would show as one object or as two.
/// So an id seen in a buffer the sender deallocated names the same object in the receiver only
/// where the receiver maps the sender's object (the virtual path, the object handed over); on any
/// other path the receiver's object was made by the kernel, and is another object whatever its id.
/// </summary>
public sealed class OolObjects
{
    readonly HashSet<ulong> releasedBySender;

    public OolObjects(OolTransferRun run)
    {
        releasedBySender = run.Dealloc
            ? run.Sender
                .Where(sent => sent.SendResult.Code == 0 && CopyPaths.Of(run, sent.Message) != CopyPath.SendersObject)
                .SelectMany(sent => sent.Steps)
                .SelectMany(step => new[] { step.Region.EntryObject, step.ChainBottomObjectId })
                .Where(id => id != 0)
                .ToHashSet()
            : [];
    }

    public VmObject InSender(ulong id) => new(id, 0);

    public VmObject InReceiver(ulong id) => new(id, releasedBySender.Contains(id) ? 1 : 0);
}

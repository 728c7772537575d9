using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.XnuShareMode;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// Which copy path the kernel takes for a payload, and what the receiver then shows, read from
/// XNU's source for the memory the article did not send: anonymous memory (an ordinary
/// vm_allocate, copied symmetrically) and malloc'ed memory (copied at send or shared, by the
/// tag libmalloc gave its region).
/// Where the source does not settle a field, it is not asserted: the snapshot holds it.
/// </summary>
public static class CopyPathClaims
{
    public static readonly Claim SmallPayloadsGoThroughAKernelBuffer =
        new(Kernel.Xnu, "a payload of at most the small-copy size is copied into a kernel buffer at send, whatever the memory, option and deallocate: the receiver gets fresh private memory (user_tag 0, one reference, every page of the data resident)",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("`len <= msg_ool_size_small`"), XnuFunctions.VmMapCopyinKernelBuffer, XnuFunctions.VmMapCopyoutKernelBuffer.Because("a null object, tag 0")));

    public static readonly Claim AnonymousVirtualCopyIsShared =
        new(Kernel.Xnu, "a large virtual copy of anonymous memory is shared copy-on-write: the receiver maps the sender's own object (SM_COW, ref_count 2, only the touched page resident, the sender's user_tag), and the sender's region shows SM_COW with ref_count 2 while the message is queued",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("entry list"), XnuFunctions.VmObjectCopyQuickly.Because("a symmetric object is shared, both entries `needs_copy`"), XnuFunctions.VmMapCopyoutInternal, XnuFunctions.VmMapRegionWalk.Because("SM_COW for `needs_copy`")));

    public static readonly Claim AnonymousDeallocateHandsOverTheObject =
        new(Kernel.Xnu, "a large copy of anonymous memory with deallocate, virtual or physical, hands the sender's object to the receiver: it maps that very object copy-on-write with one reference (SM_COW, ref_count 1, only the touched page resident)",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyinOolDescriptor.Because("a physical copy with deallocate is a virtual one"), XnuFunctions.VmObjectCopyQuickly, XnuFunctions.VmMapCopyinInternal.Because("with `src_destroy` the source entry is removed; the receiver's entry keeps `needs_copy`")));

    public static readonly Claim LargePhysicalCopyGoesThroughTheIpcCopyMap =
        new(Kernel.Xnu, "a large physical copy kept by its sender is copied into the kernel's IPC copy map at send, whatever the page-aligned memory: the receiver gets SM_COW with one reference, every page resident, user_tag 7 (VM_KERN_MEMORY_IPC)",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyinOolDescriptor.Because("copies into `ipc_kernel_copy_map`, then `vm_map_copyin` with `src_destroy`"), XnuFunctions.VmObjectCopyQuickly, XnuFunctions.VmMapCopyoutInternal));

    public static readonly Claim PurgeableIsCopiedAtSend =
        new(Kernel.Xnu, "a large virtual copy of purgeable memory, and any large copy of it with deallocate, is copied at send into a new object: the receiver never maps the sender's object, and carries the sender's user_tag",
            KernelSource.Xnu(XnuFunctions.VmMapEnter.Because("a purgeable object is MEMORY_OBJECT_COPY_NONE"), XnuFunctions.VmObjectCopyStrategically, XnuFunctions.VmObjectCopySlowly));

    public static readonly Claim MallocIsCopiedNotShared =
        new(Kernel.Xnu, "a large virtual copy of malloc'ed memory whose region carries one of malloc's no-copy-on-write tags (VM_MEMORY_MALLOC 1, MALLOC_SMALL 2, MALLOC_TINY 7, MALLOC_NANO 11, MALLOC_MEDIUM 12) is copied at send, never shared: the receiver never maps the sender's object, and the sender's region is left as it was",
            KernelSource.Xnu(XnuFunctions.VmMapEnter.Because("malloc's tags get MEMORY_OBJECT_COPY_DELAY_FORK"), XnuFunctions.VmMemoryMallocNoCow.Because("which tags those are"), XnuFunctions.VmMapCopyinInternal.Because("copies such objects with `vm_object_copy_slowly` unless forking")));

    public static readonly Claim MallocLargeIsShared =
        new(Kernel.Xnu, "a large virtual copy of malloc'ed memory whose region is tagged VM_MEMORY_MALLOC_LARGE (3), which macOS leaves out of the no-copy-on-write tags because realloc may vm_copy such a block, is shared copy-on-write like anonymous memory: the receiver maps the sender's own object (SM_COW, ref_count 2, only the touched page resident, the sender's user_tag), and the sender's region shows SM_COW with ref_count 2 while the message is queued",
            KernelSource.Xnu(XnuFunctions.VmMapInit.Because("`vm_memory_malloc_no_cow_mask`: on macOS MALLOC_LARGE is left out"), XnuFunctions.VmMapEnter.Because("no such tag: a symmetric object"), XnuFunctions.VmMapCopyinInternal, XnuFunctions.VmObjectCopyQuickly, XnuFunctions.VmMapRegionWalk));

    /// <summary>VM_MEMORY_MALLOC_LARGE: libmalloc's tag for a block above its small (and, where it is on, medium) zone.</summary>
    public const int MallocLargeTag = 3;

    /// <summary>The tags of vm_memory_malloc_no_cow_mask on macOS (vm_map.c's vm_map_init, at every tag read): MALLOC, SMALL, TINY, NANO, MEDIUM.</summary>
    public static readonly IReadOnlySet<int> MallocNoCopyOnWriteTags = new HashSet<int> { 1, 2, 7, 11, 12 };

    public static ClaimVerdict SmallPayload(Transfer t) =>
        new ClaimVerdict(SmallPayloadsGoThroughAKernelBuffer)
            .Path(t, CopyPath.KernelBuffer)
            .Expect(t.Received.Region.Mode == SM_PRIVATE, $"share_mode is {t.Received.Region.Mode}, not SM_PRIVATE")
            .Expect(t.Received.Region.RefCount == 1, $"ref_count is {t.Received.Region.RefCount}, not 1")
            .Expect(t.Received.Payload.Resident == t.Received.Payload.Pages, $"{t.Received.Payload.Resident} of the data's {t.Received.Payload.Pages} pages are resident");

    public static ClaimVerdict AnonymousVirtualCopy(Transfer t) =>
        new ClaimVerdict(AnonymousVirtualCopyIsShared)
            .Path(t, CopyPath.SendersObject)
            .Region(t, SM_COW, refCount: 2, resident: t.TouchedPages)
            .Expect(t.Received.Region.UserTag == t.SendersTag, $"the receiver's user_tag is {t.Received.Region.UserTag}, the sender's {t.SendersTag}")
            .Expect(t.SenderAt(OolSteps.Queued).Region.Mode == SM_COW, $"while queued the sender's share_mode is {t.SenderAt(OolSteps.Queued).Region.Mode}, not SM_COW")
            .Expect(t.SenderAt(OolSteps.Queued).Region.RefCount == 2, $"while queued the sender's ref_count is {t.SenderAt(OolSteps.Queued).Region.RefCount}, not 2");

    public static ClaimVerdict AnonymousDeallocate(Transfer t) =>
        new ClaimVerdict(AnonymousDeallocateHandsOverTheObject)
            .Path(t, CopyPath.SendersObject)
            .Region(t, SM_COW, refCount: 1, resident: t.TouchedPages);

    public static ClaimVerdict LargePhysicalCopy(Transfer t) =>
        new ClaimVerdict(LargePhysicalCopyGoesThroughTheIpcCopyMap)
            .Path(t, CopyPath.IpcCopyMap)
            .Region(t, SM_COW, refCount: 1, resident: t.Run.DataPages);

    public static ClaimVerdict PurgeableCopy(Transfer t) =>
        new ClaimVerdict(PurgeableIsCopiedAtSend)
            .Path(t, CopyPath.CopiedAtSend)
            .Expect(t.Received.Region.UserTag == t.SendersTag, $"the receiver's user_tag is {t.Received.Region.UserTag}, the sender's {t.SendersTag}");

    /// <summary>
    /// A malloc'ed payload is judged by the tag its sender's region shows, since libmalloc picks the
    /// zone, so the tag, by size and machine (a 64 KiB block is medium, 12, on arm64 and on Intel
    /// with 32 GiB or more, large, 3, below). A tag neither claim covers (macOS 26's xzone
    /// allocator may tag otherwise) is left unverified: the snapshot records what happened.
    /// </summary>
    public static ClaimVerdict MallocCopy(Transfer t)
    {
        var before = t.SenderAt(OolSteps.BeforeSend).Region;
        var queued = t.SenderAt(OolSteps.Queued).Region;
        if (t.SendersTag == MallocLargeTag)
        {
            return new ClaimVerdict(MallocLargeIsShared)
                .Path(t, CopyPath.SendersObject)
                .Region(t, SM_COW, refCount: 2, resident: t.TouchedPages)
                .Expect(t.Received.Region.UserTag == t.SendersTag, $"the receiver's user_tag is {t.Received.Region.UserTag}, the sender's {t.SendersTag}")
                .Expect(queued.Mode == SM_COW, $"while queued the sender's share_mode is {queued.Mode}, not SM_COW")
                .Expect(queued.RefCount == 2, $"while queued the sender's ref_count is {queued.RefCount}, not 2");
        }

        var verdict = new ClaimVerdict(MallocIsCopiedNotShared);
        if (!MallocNoCopyOnWriteTags.Contains(t.SendersTag))
        {
            return verdict.CannotTell($"the sender's malloc region is tagged {t.SendersTag}, which is neither a no-copy-on-write tag nor MALLOC_LARGE: the source read does not say how it is copied");
        }

        return verdict
            .Expect(!t.Run.ReceiverMapsSendersObject(), "the receiver maps the sender's own object")
            .Expect(t.Path is CopyPath.CopiedAtSend or CopyPath.CopiedAtReceive, $"the copy path is '{t.Path.InWords()}'")
            .Expect(queued.Mode == before.Mode && queued.EntryObject == before.EntryObject,
                $"the send changed the sender's region: {before.Mode} before, {queued.Mode} while queued");
    }

    static ClaimVerdict Path(this ClaimVerdict verdict, Transfer t, CopyPath expected) =>
        verdict.Expect(t.Path == expected, $"the copy path is '{t.Path.InWords()}', not '{expected.InWords()}'");

    static ClaimVerdict Region(this ClaimVerdict verdict, Transfer t, Harness.Observations.XnuShareMode mode, long refCount, long resident)
    {
        var region = t.Received.Region;
        return verdict
            .Expect(region.Mode == mode, $"share_mode is {region.Mode}, not {mode}")
            .Expect(region.RefCount == refCount, $"ref_count is {region.RefCount}, not {refCount}")
            .Expect(t.Received.Payload.Resident == resident, $"{t.Received.Payload.Resident} of the data's pages are resident, not {resident}");
    }
}

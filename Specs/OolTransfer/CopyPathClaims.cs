using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.XnuShareMode;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// A copy-path claim with what a reader sees of it: the path it names, what the receiver shows
/// right after the receive (the values the judge checks), and what a kernel that got it wrong would
/// break. The README's table of paths and <see cref="OolTransferCases"/> draw these.
/// </summary>
public sealed record CopyPathOutcome(Claim Claim, Func<Reception, ClaimVerdict> Judge, CopyPath Path, string Receiver, string Security)
{
    public Check<Reception> Check => new(Claim, Judge);
}

/// <summary>
/// Which copy path the kernel takes for a payload, and what the receiver then shows, read from
/// XNU's source: one claim per path. The same judges read live runs and the article's published
/// table (<see cref="Reception"/>); where the source does not settle a field it is not asserted,
/// the snapshot holds it.
/// </summary>
public static class CopyPathClaims
{
    public static readonly Claim SmallPayloadsGoThroughAKernelBuffer =
        new(Kernel.Xnu, "a payload of at most the small-copy size is copied into a kernel buffer at send, whatever the memory, copy option and deallocate",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("`len <= msg_ool_size_small`"), XnuFunctions.VmMapCopyinKernelBuffer.Because("which, with deallocate, then removes the source range"), XnuFunctions.VmMapCopyoutKernelBuffer.Because("a null object, tag 0")));

    public static readonly Claim AnonymousVirtualCopyIsShared =
        new(Kernel.Xnu, "a large virtual copy of anonymous memory is shared copy-on-write with the sender",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("entry list"), XnuFunctions.VmObjectCopyQuickly.Because("a symmetric object is shared, both entries `needs_copy`"), XnuFunctions.VmMapCopyoutInternal, XnuFunctions.VmMapRegionWalk.Because("SM_COW for `needs_copy`")));

    public static readonly Claim AnonymousDeallocateHandsOverTheObject =
        new(Kernel.Xnu, "with deallocate, a large copy of anonymous memory hands the sender's object to the receiver",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyinOolDescriptor.Because("a physical copy with deallocate is a virtual one"), XnuFunctions.VmObjectCopyQuickly, XnuFunctions.VmMapCopyinInternal.Because("with `src_destroy` the source entry is removed; the receiver's entry keeps `needs_copy`")));

    public static readonly Claim LargePhysicalCopyGoesThroughTheIpcCopyMap =
        new(Kernel.Xnu, "a large physical copy its sender keeps is copied through the kernel's IPC copy map at send, whatever the memory",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyinOolDescriptor.Because("copies into `ipc_kernel_copy_map`, then `vm_map_copyin` with `src_destroy`"), XnuFunctions.VmObjectCopyQuickly, XnuFunctions.VmMapCopyoutInternal, XnuFunctions.VmMapRegionWalk));

    public static readonly Claim PurgeableIsCopiedAtSend =
        new(Kernel.Xnu, "a large copy of purgeable memory, virtual or deallocated, is copied at send into a new object of the pages the sender touched",
            KernelSource.Xnu(XnuFunctions.VmMapEnter.Because("a purgeable object is MEMORY_OBJECT_COPY_NONE"), XnuFunctions.IpcKmsgCopyinOolDescriptor.Because("a physical copy with deallocate is a virtual one"), XnuFunctions.VmMapCopyinInternal.Because("`src_destroy`"), XnuFunctions.VmObjectCopyStrategically, XnuFunctions.VmObjectCopySlowly.Because("a page neither resident nor compressed is skipped where the object has no shadow")));

    public static readonly Claim MallocIsCopiedNotShared =
        new(Kernel.Xnu, "a large virtual copy of malloc'ed memory in a region of a no-copy-on-write malloc tag is copied at send, never shared",
            KernelSource.Xnu(XnuFunctions.VmMapEnter.Because("malloc's tags get MEMORY_OBJECT_COPY_DELAY_FORK"), XnuFunctions.VmMemoryMallocNoCow.Because("which tags those are"), XnuFunctions.VmMapCopyinInternal.Because("copies such objects with `vm_object_copy_slowly` unless forking")));

    public static readonly Claim MallocLargeIsShared =
        new(Kernel.Xnu, "a large virtual copy of malloc'ed memory in a MALLOC_LARGE region is shared copy-on-write like anonymous memory",
            KernelSource.Xnu(XnuFunctions.VmMapInit.Because("`vm_memory_malloc_no_cow_mask`: on macOS MALLOC_LARGE is left out"), XnuFunctions.VmMapEnter.Because("no such tag: a symmetric object"), XnuFunctions.VmMapCopyinInternal, XnuFunctions.VmObjectCopyQuickly, XnuFunctions.VmMapRegionWalk));

    /// <summary>VM_MEMORY_MALLOC_LARGE: libmalloc's tag for a block above its small (and, where it is on, medium) zone.</summary>
    public const int MallocLargeTag = 3;

    /// <summary>The tags of vm_memory_malloc_no_cow_mask on macOS (vm_map.c's vm_map_init, at every tag read): MALLOC, SMALL, TINY, NANO, MEDIUM.</summary>
    public static readonly IReadOnlySet<int> MallocNoCopyOnWriteTags = new HashSet<int> { 1, 2, 7, 11, 12 };

    public static readonly CopyPathOutcome SmallPayload = new(SmallPayloadsGoThroughAKernelBuffer, KernelBuffer, CopyPath.KernelBuffer,
        "fresh private memory: SM_PRIVATE, ref_count 1, every page resident, user_tag 0",
        "the receiver's bytes are the kernel's copy: were it handed the sender's pages, the sender could rewrite data the receiver has validated (time-of-check/time-of-use)");

    public static readonly CopyPathOutcome PurgeableCopy = new(PurgeableIsCopiedAtSend, Purgeable, CopyPath.CopiedAtSend,
        "a new object: SM_PRIVATE, ref_count 1, only the written page resident, the sender's user_tag",
        "the copy is made at the send: made any later, the sender's writes while the message is queued would reach the receiver (time-of-check/time-of-use)");

    public static readonly CopyPathOutcome AnonymousVirtualCopy = new(AnonymousVirtualCopyIsShared, AnonymousShared, CopyPath.SendersObject,
        "the sender's object: SM_COW, ref_count 2, only the written page resident, the sender's user_tag; the sender SM_COW while queued",
        "only needs_copy on both entries keeps the tasks apart: without it the sender's writes reach the receiver's validated data, and the receiver's writes the sender");

    public static readonly CopyPathOutcome AnonymousDeallocate = new(AnonymousDeallocateHandsOverTheObject, AnonymousHandedOver, CopyPath.SendersObject,
        "the sender's object, handed over: SM_COW, ref_count 1, only the written page resident",
        "the object leaves the sender's map with the message: a sender still mapping it could rewrite what the receiver reads");

    public static readonly CopyPathOutcome LargePhysicalCopy = new(LargePhysicalCopyGoesThroughTheIpcCopyMap, PhysicalThroughTheCopyMap, CopyPath.IpcCopyMap,
        "a copy made in the IPC copy map: SM_COW, ref_count 1, every page resident, user_tag 7 (VM_KERN_MEMORY_IPC)",
        "a physical copy is the sender's promise that nothing is shared: sharing its pages would let the sender rewrite the receiver's data");

    public static readonly CopyPathOutcome MallocCopied = new(MallocIsCopiedNotShared, MallocNoCopyOnWrite, CopyPath.CopiedAtSend,
        "a copy, never the sender's object; the sender's heap region left as it was (VM_MEMORY_MALLOC 1, MALLOC_SMALL 2, MALLOC_TINY 7, MALLOC_NANO 11, MALLOC_MEDIUM 12)",
        "the copy is made at the send: a heap object shared without copy-on-write would let the sender's later writes to the block, its own or the allocator's reuse of it, reach data the receiver has validated (time-of-check/time-of-use)");

    public static readonly CopyPathOutcome MallocLargeShared = new(MallocLargeIsShared, MallocLarge, CopyPath.SendersObject,
        "as anonymous memory: the sender's object, SM_COW, ref_count 2 (tag 3, MALLOC_LARGE)",
        "as anonymous memory: only needs_copy keeps a realloc or reuse of the sender's block out of the receiver's data");

    /// <summary>Every copy path claim with its words, in the order the README shows them.</summary>
    public static readonly IReadOnlyList<CopyPathOutcome> All =
        [SmallPayload, PurgeableCopy, AnonymousVirtualCopy, AnonymousDeallocate, LargePhysicalCopy, MallocCopied, MallocLargeShared];

    static ClaimVerdict KernelBuffer(Reception r) =>
        new ClaimVerdict(SmallPayloadsGoThroughAKernelBuffer)
            .Path(r, CopyPath.KernelBuffer)
            .Region(r, SM_PRIVATE, refCount: 1, resident: r.DataPages)
            .NotTheSendersObject(r);

    static ClaimVerdict Purgeable(Reception r) =>
        new ClaimVerdict(PurgeableIsCopiedAtSend)
            .Path(r, CopyPath.CopiedAtSend)
            .Region(r, SM_PRIVATE, refCount: 1, resident: r.TouchedPages);

    static ClaimVerdict AnonymousShared(Reception r) =>
        new ClaimVerdict(AnonymousVirtualCopyIsShared)
            .Path(r, CopyPath.SendersObject)
            .Region(r, SM_COW, refCount: 2, resident: r.TouchedPages)
            .SenderSharesWhileQueued(r);

    static ClaimVerdict AnonymousHandedOver(Reception r) =>
        new ClaimVerdict(AnonymousDeallocateHandsOverTheObject)
            .Path(r, CopyPath.SendersObject)
            .Region(r, SM_COW, refCount: 1, resident: r.TouchedPages);

    static ClaimVerdict PhysicalThroughTheCopyMap(Reception r) =>
        new ClaimVerdict(LargePhysicalCopyGoesThroughTheIpcCopyMap)
            .Path(r, CopyPath.IpcCopyMap)
            .Region(r, SM_COW, refCount: 1, resident: r.DataPages);

    /// <summary>
    /// A malloc'ed payload is judged by the tag its sender's region shows, since libmalloc picks the
    /// zone, so the tag, by size and machine (sixteen pages are 64 KiB on Intel and 256 KiB on
    /// arm64: MALLOC_MEDIUM, 12, where libmalloc's medium zone is on, else MALLOC_LARGE, 3). A tag neither malloc claim covers (macOS 26's xzone
    /// allocator may tag otherwise) leaves both unverified: the snapshot records what happened.
    /// </summary>
    static ClaimVerdict MallocNoCopyOnWrite(Reception r)
    {
        var verdict = new ClaimVerdict(MallocIsCopiedNotShared);
        if (r.SendersTag is not { } tag || !MallocNoCopyOnWriteTags.Contains(tag))
        {
            return verdict.CannotTell(r.SendersTag is { } other
                ? $"the sender's malloc region is tagged {other}, not one of malloc's no-copy-on-write tags: this claim is not about it"
                : "the sender's region's user_tag is not known here");
        }

        verdict
            .Expect(r.MapsSendersObject != true, "the receiver maps the sender's own object")
            .Expect(r.Path == CopyPath.CopiedAtSend, $"the copy path is '{r.Path?.InWords()}', not '{CopyPath.CopiedAtSend.InWords()}'");
        return r.SenderBeforeSend is { } before && r.SenderQueued is { } queued
            ? verdict.Expect(queued.Mode == before.Mode && queued.EntryObject == before.EntryObject,
                $"the send changed the sender's region: {before.Mode} before, {queued.Mode} while queued")
            : verdict.CannotTell("the sender's region while the message was queued is not known here");
    }

    static ClaimVerdict MallocLarge(Reception r)
    {
        var verdict = new ClaimVerdict(MallocLargeIsShared);
        return r.SendersTag != MallocLargeTag
            ? verdict.CannotTell(r.SendersTag is { } other
                ? $"the sender's malloc region is tagged {other}, not MALLOC_LARGE ({MallocLargeTag}): this claim is not about it"
                : "the sender's region's user_tag is not known here")
            : verdict
                .Path(r, CopyPath.SendersObject)
                .Region(r, SM_COW, refCount: 2, resident: r.TouchedPages)
                .SenderSharesWhileQueued(r);
    }

    /// <summary>The path is read from user_tags and objects, which a published table lacks.</summary>
    static ClaimVerdict Path(this ClaimVerdict verdict, Reception r, CopyPath expected) =>
        r.Path is { } path
            ? verdict.Expect(path == expected, $"the copy path is '{path.InWords()}', not '{expected.InWords()}'")
            : verdict.CannotTell($"with no user_tag or VM object known here, whether the path was '{expected.InWords()}' cannot be told");

    static ClaimVerdict Region(this ClaimVerdict verdict, Reception r, Harness.Observations.XnuShareMode mode, long refCount, long resident) =>
        verdict
            .Expect(r.ShareMode == mode, $"share_mode is {r.ShareMode}, not {mode}")
            .Expect(r.RefCount == refCount, $"ref_count is {r.RefCount}, not {refCount}")
            .Expect(r.DataResident == resident, $"{r.DataResident} of the data's {r.DataPages} pages are resident, not {resident}");

    static ClaimVerdict NotTheSendersObject(this ClaimVerdict verdict, Reception r) =>
        r.MapsSendersObject is { } maps
            ? verdict.Expect(!maps, "the receiver maps the sender's own VM object: no copy was made")
            : verdict.CannotTell("whether the receiver's VM object is the sender's is not known here");

    static ClaimVerdict SenderSharesWhileQueued(this ClaimVerdict verdict, Reception r) =>
        r.SenderQueued is { } queued
            ? verdict
                .Expect(queued.Mode == SM_COW, $"while queued the sender's share_mode is {queued.Mode}, not SM_COW")
                .Expect(queued.RefCount == 2, $"while queued the sender's ref_count is {queued.RefCount}, not 2")
            : verdict.CannotTell("the sender's region while the message was queued is not known here");
}

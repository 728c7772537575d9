using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.XnuShareMode;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// What the kernel does when a second small reception lands right next to the first: the effect
/// behind the article's merged regions. Where it lands is first-fit's choice of a free hole, which
/// the source does not promise to be the lowest: that is an observation (the snapshot's layout),
/// and the merge is claimed only where the two meet.
/// </summary>
public static class AdjacencyClaims
{
    public static readonly Claim RegionGrowsToHoldBoth =
        new(Kernel.Xnu, "where a second small reception lands right next to the first, the kernel grows the first's entry to hold both",
            KernelSource.Xnu(XnuFunctions.VmMapEnter.Because("coalesces with the entry below: tag 0, same protections, a null or unshared object, `NO_COALESCE_LIMIT`"), XnuFunctions.VmObjectCoalesce));

    public static ClaimVerdict Merged(OolTransferRun run)
    {
        if (!(run.AllSent && run.Receiver.Messages.Count == 2))
        {
            return new ClaimVerdict(RegionGrowsToHoldBoth)
                .Expect(false, $"{run.Receiver.Messages.Count} of the 2 messages arrived ({string.Join(", ", run.Sender.Select(s => s.SendResult))})");
        }

        var verdict = new ClaimVerdict(RegionGrowsToHoldBoth);
        if (ReceptionLayout.Of(run) is not (ReceptionPlacement.RightAfter or ReceptionPlacement.RightBefore))
        {
            return verdict.CannotTell("the second reception did not land next to the first, so nothing was there to merge: the layout is in the snapshot");
        }

        var span = (ulong)(run.DataPages * run.PageSize);
        var before = run.Receiver.Messages[0].Step(OolSteps.Received).Region;
        var after = run.Receiver.Messages[1].Step(OolSteps.Received).Region;
        var data = run.Receiver.Messages.Select(m => m.Descriptor.Address).ToList();
        return verdict
            .Expect(after.End - after.Start > before.End - before.Start, "the second reception's region is no larger than the first's")
            .Expect(after.Start <= data.Min() && after.End >= data.Max() + span, "the second reception's region does not hold both payloads")
            .Expect(!run.Receiver.Messages[1].RegionIsDataOnly, "the probe reports the second region as the data's alone");
    }
}

/// <summary>
/// What matters for security, on every copy path: after the send the two tasks' data are
/// separate. A sender that keeps its buffer rewrites its first page while the message is queued
/// (before the receiver has received it) and again after the receive; the receiver reads its copy
/// after both, then writes its first page and the data's last page, which the sender never
/// rewrote, before the sender reads again. A sender that deallocates writes nothing after the send.
/// </summary>
public static class ContentClaims
{
    public static readonly Claim ReceiverReadsTheBytesAsSent =
        new(Kernel.Xnu, "the receiver reads the bytes as they were at the send, though the sender rewrote them while the message was queued",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("a kernel buffer or a copy holds the bytes; a shared object is `needs_copy` in the sender"), XnuFunctions.VmMapLookupAndLockObject.Because("so the sender's write gets a shadow"), XnuFunctions.VmFaultInternal.Because("whose fast path copies the page into it")));

    public static readonly Claim DeallocatedBytesReadAsSent =
        new(Kernel.Xnu, "with deallocate the receiver reads the bytes as they were at the send, and the sender writes nothing after it",
            KernelSource.Xnu(XnuFunctions.VmMapCopyinInternal.Because("`src_destroy`: the sender's entries are removed at send"), XnuFunctions.VmMapCopyoutInternal, XnuFunctions.VmMapCopyoutKernelBuffer));

    public static readonly Claim SenderNeverReadsTheReceiversWrites =
        new(Kernel.Xnu, "the sender never reads what the receiver writes into its copy",
            KernelSource.Xnu(XnuFunctions.VmMapCopyoutInternal.Because("the receiver's entry is `needs_copy` where it shares the sender's object"), XnuFunctions.VmMapLookupAndLockObject.Because("a write to it makes a shadow"), XnuFunctions.VmFaultInternal.Because("and its fast path copies the page first")));

    /// <summary>The content claims of a reception: a published table reports no content check.</summary>
    public static ClaimVerdict ReceiverReadsOriginal(Reception r) => r.Run is { } run ? ReceiverReadsOriginal(run) : NoContentCheck(ReceiverReadsTheBytesAsSent);

    public static ClaimVerdict DeallocatedReadsOriginal(Reception r) => r.Run is { } run ? DeallocatedReadsOriginal(run) : NoContentCheck(DeallocatedBytesReadAsSent);

    public static ClaimVerdict SenderNeverReadsReceiver(Reception r) => r.Run is { } run ? SenderNeverReadsReceiver(run) : NoContentCheck(SenderNeverReadsTheReceiversWrites);

    static ClaimVerdict NoContentCheck(Claim claim) => new ClaimVerdict(claim).CannotTell("no content check is known here");

    /// <summary>A kept buffer's sender must have written while queued and after the receive, or the check tests less than it says.</summary>
    public static ClaimVerdict ReceiverReadsOriginal(OolTransferRun run)
    {
        var verdict = new ClaimVerdict(ReceiverReadsTheBytesAsSent);
        foreach (var sent in run.Sender.Where(s => s.SendResult.Code == 0))
        {
            verdict
                .Expect(sent.Step(OolSteps.AfterQueuedWrite) is not null, $"message {sent.Message}: the sender reported no write while the message was queued")
                .Expect(sent.Step(OolSteps.AfterSenderWrite) is not null, $"message {sent.Message}: the sender reported no write after the receive");
        }

        return verdict.ReadsAsClaimed(run.Content.ReceiverReadsOriginal, "the receiver", ReceiverChecks(run));
    }

    /// <summary>With deallocate the sender has nothing to write: a step after the send would mean it still had a buffer.</summary>
    public static ClaimVerdict DeallocatedReadsOriginal(OolTransferRun run)
    {
        var verdict = new ClaimVerdict(DeallocatedBytesReadAsSent)
            .Expect(run.Dealloc, "the sender kept its buffer: this claim is about deallocating sends");
        foreach (var sent in run.Sender.Where(s => s.SendResult.Code == 0))
        {
            verdict.Expect(sent.Steps.Count == 1, $"message {sent.Message}: the sender reported {sent.Steps.Count - 1} step(s) after the send of a deallocated buffer");
        }

        return verdict.ReadsAsClaimed(run.Content.ReceiverReadsOriginal, "the receiver", ReceiverChecks(run));
    }

    public static ClaimVerdict SenderNeverReadsReceiver(OolTransferRun run) =>
        new ClaimVerdict(SenderNeverReadsTheReceiversWrites).ReadsAsClaimed(run.Content.SenderNeverReadsReceiver, "the sender", SenderChecks(run));

    /// <summary>The receiver compares what the sender filled of every message it received.</summary>
    static long ReceiverChecks(OolTransferRun run) => run.Receiver.Messages.Sum(m => Filled(run, m.Descriptor.Size));

    /// <summary>
    /// The sender compares every byte of each buffer it kept after a send; of a malloc'ed block only
    /// what it filled (the rest is the allocator's).
    /// </summary>
    static long SenderChecks(OolTransferRun run) =>
        run.Dealloc ? 0 : run.Sender.Count(m => m.SendResult.Code == 0) * (run.Memory == MemoryKind.Malloc ? Filled(run, run.Bytes) : run.Bytes);

    /// <summary>The bytes the sender filled of a payload: the first page, or all of it.</summary>
    static long Filled(OolTransferRun run, long bytes) => run.Fill == Fill.All || bytes < run.PageSize ? bytes : run.PageSize;
}

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

/// <summary>What the receiver reads in the descriptor itself, whatever the memory and the copy made.</summary>
public static class DescriptorClaims
{
    public static readonly Claim CopyFieldIsTheSendersOption =
        new(Kernel.Xnu, "the receiver's copy field is the sender's option, never what the kernel did",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.OnlyAt(XnuTags.Xnu10002).Because("never rewrites the copy field"), XnuFunctions.IpcKmsgDeflateMemoryDescriptor.OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417).Because("never rewrites the copy field")));

    public static readonly Claim DeallocateBitSaysVirtualCopy =
        new(Kernel.Xnu, "the kernel rewrites the receiver's deallocate bit to say whether the copy is a VIRTUAL_COPY",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.OnlyAt(XnuTags.Xnu10002).Because("sets `deallocate = (copy == MACH_MSG_VIRTUAL_COPY)`"), XnuFunctions.IpcKmsgDeflateMemoryDescriptor.OnlyAt(XnuTags.Xnu11215, XnuTags.Xnu11417).Because("sets `deallocate = (copy == MACH_MSG_VIRTUAL_COPY)`")));

    public static ClaimVerdict CopyField(Reception r) =>
        new ClaimVerdict(CopyFieldIsTheSendersOption)
            .Expect(r.ReceivedCopy == r.Case.Copy, $"the receiver read copy {r.ReceivedCopy.ArticleName()}; the sender asked for {r.Case.Copy.ArticleName()}");

    public static ClaimVerdict DeallocateBit(Reception r) =>
        r.ReceivedDeallocate is { } deallocate
            ? new ClaimVerdict(DeallocateBitSaysVirtualCopy)
                .Expect(deallocate == (r.ReceivedCopy == CopyOption.Virtual),
                    $"the receiver read deallocate {deallocate} with copy {r.ReceivedCopy.ArticleName()}; the sender asked for deallocate {r.Case.Dealloc}")
            : new ClaimVerdict(DeallocateBitSaysVirtualCopy).CannotTell("the deallocate bit the receiver read is not known here");
}

/// <summary>Who is charged for a large virtual copy of anonymous memory: phys_footprint follows the page tables.</summary>
public static class FootprintClaims
{
    public static readonly Claim ReceivingChargesNothing =
        new(Kernel.Xnu, "a large virtual copy is not charged to the receiver's phys_footprint when it arrives",
            KernelSource.Xnu(XnuFunctions.PmapEnterOptionsInternal.Because("phys_footprint is credited to a pmap as it maps a page; the copied-out entry maps nothing until it faults"), XnuFunctions.VmMapCopyoutInternal));

    public static readonly Claim WritingEveryPageChargesThePayload =
        new(Kernel.Xnu, "once the receiver has written every page it is charged the whole payload",
            KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("each write through `needs_copy` gives the receiver a shadow"), XnuFunctions.VmFaultInternal.Because("its fast path copies the page into it"), XnuFunctions.PmapEnterOptionsInternal.Because("and maps it, crediting phys_footprint")));

    public static ClaimVerdict Receiving(OolFootprint charges) =>
        new ClaimVerdict(ReceivingChargesNothing).Expect(charges.ReceiverCharge(OolSteps.Received) == 0.0m,
            $"the receiver was charged {OolFootprint.Tenths(charges.ReceiverCharge(OolSteps.Received))} of the payload on receiving");

    public static ClaimVerdict Writing(OolFootprint charges) =>
        new ClaimVerdict(WritingEveryPageChargesThePayload).Expect(charges.ReceiverCharge(OolSteps.AfterWrite) == 1.0m,
            $"the receiver was charged {OolFootprint.Tenths(charges.ReceiverCharge(OolSteps.AfterWrite))} of the payload after writing it all");
}

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

/// <summary>Where the kernel-buffer path ends, and what happens to a payload just past it that is not whole pages.</summary>
public static class ThresholdClaims
{
    public static readonly Claim ThresholdIsKheapMaxSize =
        new(Kernel.Xnu, "the small-copy size, up to which a payload goes through a kernel buffer, is KHEAP_MAX_SIZE of the kernel's arch",
            KernelSource.Xnu(XnuFunctions.IpcInit.Because("`msg_ool_size_small = KHEAP_MAX_SIZE`"), XnuFunctions.KheapMaxSize.Because("per arch"), XnuFunctions.VmMapCopyinInternal.Because("`len <= msg_ool_size_small`")));

    public static readonly Claim MisalignedPayloadIsCopiedAtReceive =
        new(Kernel.Xnu, "a payload one byte past the small-copy size and under three pages of bytes is copied in full at receive",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.Because("a misaligned copy is copied out with `vm_map_copy_overwrite` into a fresh VM_MEMORY_MACH_MSG region"), XnuFunctions.VmMapCopyOverwrite, XnuFunctions.VmMapCopyOverwriteUnaligned));

    public static readonly Claim MisalignedWholePagesKeepTheSendersObject =
        new(Kernel.Xnu, "a payload one byte past the small-copy size and of three pages of bytes or more keeps the sender's object for its whole pages at receive",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.Because("a misaligned copy goes to `vm_map_copy_overwrite`"), XnuFunctions.VmMapCopyOverwrite.Because("from `VM_MAP_COPY_OVERWRITE_OPTIMIZATION_THRESHOLD_PAGES`, 3, only the unaligned head and tail take `vm_map_copy_overwrite_nested`"), XnuFunctions.VmMapCopyOverwriteAligned.Because("a fresh destination entry takes the copy's object")));

    /// <summary>
    /// Whether vm_map_copy_overwrite maps a misaligned payload's whole pages rather than copying them:
    /// from three of the kernel's pages of bytes on (4 KiB on x86_64, 16 KiB on arm64; a translated
    /// run, whose map pages could differ from the kernel's, is refused before any spec runs).
    /// </summary>
    public static bool MapsWholePages(long bytes, string arch) => bytes >= 3 * (arch == "x86_64" ? 4096 : 16384);

    /// <summary>The kernel's small-copy size for the arch the snapshot tree names.</summary>
    public static long Expected(string arch) => arch switch
    {
        "arm64" => 32 * 1024,
        "x86_64" => 16 * 1024,
        _ => throw new ArgumentException($"No small-copy size is known for arch '{arch}'.", nameof(arch)),
    };

    public static ClaimVerdict Threshold(OolThresholdSweep sweep, string arch)
    {
        var expected = Expected(arch);
        var verdict = new ClaimVerdict(ThresholdIsKheapMaxSize)
            .Expect(sweep.Threshold == expected, $"the largest size through a kernel buffer is {sweep.Threshold?.ToString() ?? "none"} bytes, not {expected} (KHEAP_MAX_SIZE: 32 KiB on arm64, Rosetta included, 16 KiB on x86_64)");
        foreach (var point in sweep.Points)
        {
            verdict.Expect(point.KernelBuffer == (point.Bytes <= expected),
                $"{point.Bytes} bytes took the path '{point.Path.InWords()}' (receiver user_tag {point.ReceiverTag})");
        }

        return verdict;
    }

    /// <summary>The claim of the arch's size one byte past the threshold: copied in full, or its whole pages mapped.</summary>
    public static ClaimVerdict Misaligned(OolThresholdSweep sweep, string arch)
    {
        var size = Expected(arch) + 1;
        var point = sweep.Points.SingleOrDefault(p => p.Bytes == size);
        var (claim, path) = MapsWholePages(size, arch)
            ? (MisalignedWholePagesKeepTheSendersObject, CopyPath.WholePagesMappedAtReceive)
            : (MisalignedPayloadIsCopiedAtReceive, CopyPath.CopiedAtReceive);
        return new ClaimVerdict(claim)
            .Expect(point is not null, $"the sweep has no transfer of {size} bytes")
            .Expect(point is null || point.Path == path,
                $"{size} bytes took the path '{point?.Path.InWords()}' (receiver user_tag {point?.ReceiverTag}), not '{path.InWords()}'");
    }
}

/// <summary>
/// One received OOL payload as every OOL claim of a case reads it: from a live run
/// (<see cref="Of"/>), or from a row of the article's published table
/// (Specs/PublishedTables/PublishedOolTable.cs). What the source cannot tell is null, and a claim
/// that needs it says it cannot tell, never passes: the article's table publishes no user_tag, no
/// object identity, no deallocate bit, no sender's region and no content check.
/// </summary>
/// <param name="Case">What was sent.</param>
/// <param name="ReceivedCopy">The copy field the receiver read.</param>
/// <param name="ShareMode">The receiver's region right after the receive.</param>
/// <param name="RefCount">Its VM object's ref_count.</param>
/// <param name="DataResident">The data's own resident pages (a region merged with neighbours less theirs).</param>
/// <param name="ReceivedDeallocate">The deallocate bit the receiver read.</param>
/// <param name="Path">The copy path read from both tasks' user_tags and objects (<see cref="CopyPaths"/>).</param>
/// <param name="SendersTag">The sender's region's user_tag before the send.</param>
/// <param name="MapsSendersObject">Whether the receiver maps the sender's own VM object.</param>
/// <param name="SenderBeforeSend">The sender's region before the send.</param>
/// <param name="SenderQueued">The sender's region while the message is queued (none after a deallocating send).</param>
/// <param name="Run">The whole run, for the content checks.</param>
public sealed record Reception(
    OolCase Case,
    CopyOption ReceivedCopy,
    XnuShareMode ShareMode,
    long RefCount,
    long DataResident,
    bool? ReceivedDeallocate = null,
    CopyPath? Path = null,
    int? SendersTag = null,
    bool? MapsSendersObject = null,
    XnuRegion? SenderBeforeSend = null,
    XnuRegion? SenderQueued = null,
    OolTransferRun? Run = null)
{
    public long DataPages => Case.Article.Pages;

    /// <summary>The sender writes its first page only: the pages a copy that copies nothing more holds.</summary>
    public long TouchedPages => Math.Min(1, DataPages);

    /// <summary>A live reception: message 1 of the run, looked at right after it was received.</summary>
    public static Reception Of(OolCase @case, OolTransferRun run)
    {
        var received = run.Receiver.Messages[0];
        var step = received.Step(OolSteps.Received);
        var sent = run.Sender[0];
        var before = sent.StepOrFail(OolSteps.BeforeSend).Region;
        return new Reception(
            @case,
            received.Descriptor.Copy,
            step.Region.Mode,
            step.Region.RefCount,
            step.Payload.Resident,
            received.Descriptor.Deallocate,
            CopyPaths.Of(run),
            before.UserTag,
            run.ReceiverMapsSendersObject(),
            before,
            sent.Step(OolSteps.Queued)?.Region,
            run);
    }
}

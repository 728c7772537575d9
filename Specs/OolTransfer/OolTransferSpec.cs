// OolTransfer: what XNU does with memory sent out of line in a Mach message. The memory, copy
// option, size and deallocate decide the copy path; the path decides what the receiver's
// descriptor and region show; on every path the two tasks' data are separate afterwards. Around
// the table: where the kernel-buffer path ends, how much a physical copy may carry, who is
// charged for a large virtual copy, and what two adjacent receptions do. The article's published
// table is judged by the same claims, through Reception (Specs/PublishedTables).
//
// Read in order: the claims (one sentence each, the kernel source that decides it, and the judge
// of a run), the family's one table of cases, then the spec classes, theories over that table.
// A new family writes one such file.

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.XnuShareMode;
using static OolSpecs.Specs.OolTransfer.CopyPathClaims;

namespace OolSpecs.Specs.OolTransfer;

// The claims.

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

// The one table of cases.

/// <summary>
/// One OOL case: a kind of memory sent as one of the article's eight cases (a copy option, 1 page
/// or 16, kept or deallocated), with its exact allocation, the probe command, the copy path the
/// source says it takes (two for a large malloc'ed block, whose region's tag decides) and every
/// check it falls under.
/// </summary>
public sealed record OolTransferCase(OolCase Case, IReadOnlyList<CopyPathOutcome> Paths) : ISpecCase
{
    public string Description => Case.Description;

    public Kernel Kernel => Kernel.Xnu;

    public MemoryKind Memory => Case.Memory;

    public string Allocation => Allocations.Of(Memory);

    public string ProbeCommand => Case.Scenario.Command;

    /// <summary>The copy-path checks, then the descriptor's and the content's, which every case falls under.</summary>
    public IReadOnlyList<Check<Reception>> Checks => [.. Paths.Select(p => p.Check), .. Descriptor, .. Case.Dealloc ? Deallocated : Kept];

    // Static lists, not made in the getter: the docs find the specs that assert a claim by the
    // claim fields their code reaches, and a getter naming every claim would reach them all.
    static readonly IReadOnlyList<Check<Reception>> Descriptor =
    [
        new(DescriptorClaims.CopyFieldIsTheSendersOption, DescriptorClaims.CopyField),
        new(DescriptorClaims.DeallocateBitSaysVirtualCopy, DescriptorClaims.DeallocateBit),
    ];

    static readonly IReadOnlyList<Check<Reception>> Deallocated =
        [new(ContentClaims.DeallocatedBytesReadAsSent, ContentClaims.DeallocatedReadsOriginal)];

    static readonly IReadOnlyList<Check<Reception>> Kept =
    [
        new(ContentClaims.ReceiverReadsTheBytesAsSent, ContentClaims.ReceiverReadsOriginal),
        new(ContentClaims.SenderNeverReadsTheReceiversWrites, ContentClaims.SenderNeverReadsReceiver),
    ];

    public IReadOnlyList<Claim> Claims => [.. Checks.Select(c => c.Claim)];

    public string Security => string.Join("; or ", Paths.Select(p => p.Security));

    /// <summary>The case's check of <paramref name="claim"/>; a claim the case does not fall under is a spec's mistake.</summary>
    public Check<Reception> CheckOf(Claim claim) =>
        Checks.SingleOrDefault(c => c.Claim == claim)
        ?? throw new ArgumentException($"The case '{Description}' does not fall under the claim that {claim.Sentence}.", nameof(claim));

    public override string ToString() => Description;
}

/// <summary>The exact allocation of each kind of memory, as Native/src/xnu_ool_memory.c makes it.</summary>
public static class Allocations
{
    /// <summary>What vm_allocate adds to every probe buffer: the tag keeps it apart from untagged neighbours (user_tag 240), and is no malloc tag.</summary>
    const string Tag = "VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1)";

    public static string Of(MemoryKind memory) => memory switch
    {
        MemoryKind.Purgeable => $"vm_allocate, VM_FLAGS_ANYWHERE | VM_FLAGS_PURGABLE | {Tag} (the article's flags 3, and the probe's tag 240)",
        MemoryKind.Anonymous => $"vm_allocate, VM_FLAGS_ANYWHERE | {Tag} (user_tag 240)",
        MemoryKind.Malloc => "posix_memalign to vm_page_size: a block of libmalloc's region, tagged by its zone (VM_MEMORY_MALLOC_SMALL 2, VM_MEMORY_MALLOC_MEDIUM 12 or VM_MEMORY_MALLOC_LARGE 3, by size and machine)",
        _ => throw new ArgumentOutOfRangeException(nameof(memory), memory, "No allocation is known for this memory kind."),
    };
}

/// <summary>
/// The family's one table of cases: every kind of memory sent as each of the article's eight
/// cases (malloc'ed memory never deallocated through a message: that would unmap part of the
/// heap), 20 rows. The copy path a case takes is decided here, once; its other checks follow from
/// the case (<see cref="OolTransferCase.Checks"/>). The specs are theories over it, the README's
/// table of paths is drawn from it, and the article's published table is judged by the rows of
/// purgeable memory, as the article ran them.
/// The threshold sweep, the two adjacent receptions, the footprint and the physical-copy limit
/// are not rows: each judges several transfers at once (a sweep of sizes, two messages, a pair
/// of sizes either side of a limit) or a fill-every-page run, and has a spec of its own.
/// </summary>
public static class OolTransferCases
{
    public static readonly IReadOnlyList<OolTransferCase> All = [.. OolCase.All.Select(c => new OolTransferCase(c, PathsOf(c)))];

    /// <summary>The copy path the source says each case takes.</summary>
    static IReadOnlyList<CopyPathOutcome> PathsOf(OolCase c) => c switch
    {
        { Large: false } => [SmallPayload],
        { Copy: CopyOption.Physical, Dealloc: false } => [LargePhysicalCopy],
        { Memory: MemoryKind.Purgeable } => [PurgeableCopy],
        { Memory: MemoryKind.Anonymous, Dealloc: true } => [AnonymousDeallocate],
        { Memory: MemoryKind.Anonymous } => [AnonymousVirtualCopy],
        { Memory: MemoryKind.Malloc } => [MallocCopied, MallocLargeShared],
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "No copy path is claimed for this case."),
    };

    /// <summary>The row of an article case, as the article ran it (purgeable memory).</summary>
    public static OolTransferCase AsTheArticleRanIt(ArticleCase article) => All.Described(article.AsTheArticleRanIt.Description);

    /// <summary>
    /// The case a theory row names, observed once per test session and judged by its check of
    /// <paramref name="claim"/>; XNU only. The row is looked up before the kernel is asked for, so a
    /// misspelt case, or a claim the case does not fall under, fails on every OS, not only on a Mac.
    /// </summary>
    public static ClaimVerdict Judge(string description, Claim claim)
    {
        var row = All.Described(description);
        var check = row.CheckOf(claim);
        Requires.KernelOf(row.Case.Scenario);
        return check.Judge(Reception.Of(row.Case, Observed.Of(row.Case.Scenario)));
    }

    /// <summary>
    /// memory × size × copy → path → what the receiver shows, one line per memory, size and path,
    /// then each memory's exact allocation: the README's table, drawn from the rows.
    /// </summary>
    public static string CopyPathTable()
    {
        var lines = All
            .GroupBy(row => (row.Memory, row.Case.Article.Pages, Claims: string.Join('|', row.Paths.Select(p => p.Claim.Sentence))))
            .Select(group => (IReadOnlyList<string>)
            [
                ProbeWords.Of(group.Key.Memory),
                OolSize.Pages(group.Key.Pages).InWords,
                Options(group),
                string.Join(" or ", group.First().Paths.Select(p => p.Path.InWords())),
                string.Join("; or ", group.First().Paths.Select(p => p.Receiver)),
            ]);
        var report = new MarkdownReport()
            .Table(["memory", "size", "copy, deallocate", "path", "the receiver right after the receive"], lines);
        var allocations = All.Select(row => row.Memory).Distinct().Select(m => $"- {ProbeWords.Of(m)}: {Allocations.Of(m)}");
        return report + "\n" + string.Join("\n", allocations) + "\n";
    }

    /// <summary>"virtual or physical, kept or deallocated", or per copy option where they differ.</summary>
    static string Options(IEnumerable<OolTransferCase> rows)
    {
        var byCopy = rows.GroupBy(r => r.Case.Copy)
            .Select(g => (Copy: ProbeWords.Of(g.Key), Kept: string.Join(" or ", g.Select(r => r.Case.Dealloc ? "deallocated" : "kept").Distinct())))
            .ToList();
        return byCopy.Select(c => c.Kept).Distinct().Count() == 1
            ? $"{string.Join(" or ", byCopy.Select(c => c.Copy))}, {byCopy[0].Kept}"
            : string.Join("; ", byCopy.Select(c => $"{c.Copy}, {c.Kept}"));
    }
}

// The specs: theories over the table of cases.

/// <summary>
/// What the receiver reads in an OOL descriptor, in every case of <see cref="OolTransferCases"/>:
/// its copy field is the option the sender asked for, whatever copy the kernel made; its deallocate
/// bit is rewritten by the kernel and says VIRTUAL_COPY, not what the sender asked.
/// Allocation: each case's own (purgeable and anonymous <c>vm_allocate</c>, malloc <c>posix_memalign</c>).
/// Probe: <c>oolprobe ool-transfer --memory … --copy virtual|physical --pages 1|16 --dealloc yes|no …</c>; the receiver reports the descriptor as received.
/// </summary>
public sealed class ReceivedDescriptorSpec
{
    public static TheoryData<string> CopyField => OolTransferCases.All.Under(DescriptorClaims.CopyFieldIsTheSendersOption);

    public static TheoryData<string> DeallocateBit => OolTransferCases.All.Under(DescriptorClaims.DeallocateBitSaysVirtualCopy);

    [SkippableTheory]
    [MemberData(nameof(CopyField))]
    public void The_receivers_copy_field_is_the_senders_option_never_what_the_kernel_did(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, DescriptorClaims.CopyFieldIsTheSendersOption));

    [SkippableTheory]
    [MemberData(nameof(DeallocateBit))]
    public void The_receivers_deallocate_bit_is_set_exactly_for_a_virtual_copy(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, DescriptorClaims.DeallocateBitSaysVirtualCopy));
}

/// <summary>
/// The memory that is sent decides the copy: one claim per copy path, each a theory over the
/// cases of <see cref="OolTransferCases"/> that fall under it.
/// Allocation: purgeable <c>vm_allocate(VM_FLAGS_ANYWHERE | VM_FLAGS_PURGABLE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1))</c>;
/// anonymous the same without VM_FLAGS_PURGABLE; malloc <c>posix_memalign(vm_page_size)</c>, tagged by libmalloc's zone.
/// Probe: <c>oolprobe ool-transfer --memory purgeable|anonymous|malloc --copy virtual|physical --pages 1|16 --dealloc yes|no --fill first --receiver-fill first --messages 1</c>.
/// The receiver's region is judged right after the receive; each failure message names the field
/// and the value the path gives it (share_mode, ref_count, the data's resident pages, the path read
/// from both tasks' user_tags and objects).
/// </summary>
public sealed class CopyPathSpec
{
    public static TheoryData<string> Small => OolTransferCases.All.Under(CopyPathClaims.SmallPayloadsGoThroughAKernelBuffer);

    public static TheoryData<string> PurgeableCopied => OolTransferCases.All.Under(CopyPathClaims.PurgeableIsCopiedAtSend);

    public static TheoryData<string> AnonymousShared => OolTransferCases.All.Under(CopyPathClaims.AnonymousVirtualCopyIsShared);

    public static TheoryData<string> AnonymousHandedOver => OolTransferCases.All.Under(CopyPathClaims.AnonymousDeallocateHandsOverTheObject);

    public static TheoryData<string> KeptPhysical => OolTransferCases.All.Under(CopyPathClaims.LargePhysicalCopyGoesThroughTheIpcCopyMap);

    public static TheoryData<string> MallocCopied => OolTransferCases.All.Under(CopyPathClaims.MallocIsCopiedNotShared);

    public static TheoryData<string> MallocLarge => OolTransferCases.All.Under(CopyPathClaims.MallocLargeIsShared);

    /// <summary>Every memory, 1 page: fresh private memory, SM_PRIVATE, ref_count 1, every page resident, user_tag 0.</summary>
    [SkippableTheory]
    [MemberData(nameof(Small))]
    public void A_payload_up_to_the_small_copy_size_goes_through_a_kernel_buffer(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.SmallPayloadsGoThroughAKernelBuffer));

    /// <summary>Purgeable, 16 pages, virtual or deallocated: a new object, SM_PRIVATE, ref_count 1, the written page only (the article's "where is copy-on-write?").</summary>
    [SkippableTheory]
    [MemberData(nameof(PurgeableCopied))]
    public void Large_purgeable_memory_is_copied_at_send_into_a_new_object(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.PurgeableIsCopiedAtSend));

    /// <summary>Anonymous, 16 pages, virtual, kept: the sender's object, SM_COW, ref_count 2; the sender SM_COW while queued.</summary>
    [SkippableTheory]
    [MemberData(nameof(AnonymousShared))]
    public void A_large_virtual_copy_of_anonymous_memory_is_shared_copy_on_write_with_the_sender(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.AnonymousVirtualCopyIsShared));

    /// <summary>Anonymous, 16 pages, deallocated, virtual or physical: the sender's object handed over, SM_COW, ref_count 1.</summary>
    [SkippableTheory]
    [MemberData(nameof(AnonymousHandedOver))]
    public void With_deallocate_large_anonymous_memory_hands_its_object_to_the_receiver(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.AnonymousDeallocateHandsOverTheObject));

    /// <summary>Every memory, 16 pages, physical, kept: SM_COW, ref_count 1, every page resident, user_tag 7 (VM_KERN_MEMORY_IPC).</summary>
    [SkippableTheory]
    [MemberData(nameof(KeptPhysical))]
    public void A_large_kept_physical_copy_goes_through_the_kernels_IPC_copy_map(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.LargePhysicalCopyGoesThroughTheIpcCopyMap));

    /// <summary>Malloc, 16 pages, virtual, kept, in a region tagged 1, 2, 7, 11 or 12: never the sender's object, the sender's region unchanged. Another tag: unverified.</summary>
    [SkippableTheory]
    [MemberData(nameof(MallocCopied))]
    public void A_large_virtual_copy_of_malloced_memory_tagged_for_no_copy_on_write_is_copied(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.MallocIsCopiedNotShared));

    /// <summary>Malloc, 16 pages, virtual, kept, in a region tagged 3 (MALLOC_LARGE): shared as anonymous memory is. Another tag: unverified.</summary>
    [SkippableTheory]
    [MemberData(nameof(MallocLarge))]
    public void A_large_virtual_copy_of_MALLOC_LARGE_memory_is_shared_copy_on_write(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, CopyPathClaims.MallocLargeIsShared));
}

/// <summary>
/// After a transfer the two tasks' data are separate, on every copy path: a theory over every
/// case of <see cref="OolTransferCases"/>.
/// Allocation: each case's own (purgeable and anonymous <c>vm_allocate</c>, malloc <c>posix_memalign</c>).
/// Probe: <c>oolprobe ool-transfer … --fill first --receiver-fill first --messages 1</c>. A sender that keeps its buffer
/// rewrites its first page while the message is queued (the time-of-check-to-time-of-use window) and again after the receive;
/// the receiver then reads its copy, and writes its first page and the data's last page, which the sender never rewrote,
/// before the sender reads again. A sender that deallocates writes nothing after the send.
/// A mismatch names the message, the offset and both bytes.
/// </summary>
public sealed class ContentSpec
{
    public static TheoryData<string> Kept => OolTransferCases.All.Under(ContentClaims.ReceiverReadsTheBytesAsSent);

    public static TheoryData<string> Deallocated => OolTransferCases.All.Under(ContentClaims.DeallocatedBytesReadAsSent);

    public static TheoryData<string> KeptAndWrittenBack => OolTransferCases.All.Under(ContentClaims.SenderNeverReadsTheReceiversWrites);

    [SkippableTheory]
    [MemberData(nameof(Kept))]
    public void The_receiver_reads_the_bytes_as_at_the_send_though_the_sender_rewrote_them_while_queued(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, ContentClaims.ReceiverReadsTheBytesAsSent));

    [SkippableTheory]
    [MemberData(nameof(Deallocated))]
    public void With_deallocate_the_receiver_reads_the_bytes_as_at_the_send(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, ContentClaims.DeallocatedBytesReadAsSent));

    [SkippableTheory]
    [MemberData(nameof(KeptAndWrittenBack))]
    public void The_sender_never_reads_what_the_receiver_writes(string @case) =>
        ClaimAssert.Holds(OolTransferCases.Judge(@case, ContentClaims.SenderNeverReadsTheReceiversWrites));
}

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

/// <summary>
/// Every case of <see cref="OolTransferCases"/> in full, both tasks: the copy path and the content
/// checks, the receiver's descriptor and region before and after it writes, and the sender's region
/// while the copy is queued, after it is received and after each side writes. This is where "where
/// is copy-on-write?" is answered on each release, for each kind of memory.
/// Probe: each row's <see cref="OolTransferCase.ProbeCommand"/>, e.g.
/// <c>oolprobe ool-transfer --memory anonymous --copy virtual --pages 16 --dealloc no --fill first --receiver-fill first --messages 1</c>.
/// </summary>
public sealed class OolTransferSnapshotSpec
{
    public static TheoryData<string> EveryCase => OolTransferCases.All.Matching(_ => true);

    [SkippableTheory]
    [MemberData(nameof(EveryCase))]
    public void Each_case_seen_from_both_tasks_matches_its_approved_snapshot(string @case) =>
        Snapshot.Matches(OolTransferCases.All.Described(@case).Case.Scenario);
}

using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Specs.OolTransfer.CopyPathClaims;

namespace OolSpecs.Specs.OolTransfer;

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
        MemoryKind.Malloc => "posix_memalign to vm_page_size: a block of libmalloc's region, tagged by its zone (MALLOC_SMALL 2, MALLOC_MEDIUM 12 or MALLOC_LARGE 3, by size and machine)",
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

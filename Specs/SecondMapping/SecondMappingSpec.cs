using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.SecondMapping;

/// <summary>
/// One way of second-view: the harness's row (probe word, kernel, setup in words), the exact
/// calls, the checks a run of it is judged by, and what breaks if the kernel gets it wrong.
/// </summary>
public sealed record ViewCase(KernelRow<SecondViewWay> Row, string Allocation, IReadOnlyList<Check<SecondViewRun>> Checks, string Security)
    : KernelRowCase<SecondViewWay, SecondViewRun>(Row, Allocation, Checks, Security)
{
    public override ProbeScenario<SecondViewRun> ScenarioFor(bool withoutCapSysAdmin) => new SecondViewScenario(Row.Way, withoutCapSysAdmin);
}

/// <summary>
/// The one table of second-view cases: per way of mapping two pages a second time, the calls
/// and the claims it falls under. The original is filled, the view made; the original is
/// written and the view read; the view is written and the original read (see <see cref="SecondMappingSpec"/>).
/// </summary>
public static class ViewCases
{
    const string Memfd = "memfd_create(MFD_CLOEXEC), ftruncate(2 pages)";
    const string Mremap = ", then the view: mremap(original, old_size 0, new_size 2 pages, MREMAP_MAYMOVE)";
    const string XnuOriginal = "mach_vm_allocate(VM_FLAGS_ANYWHERE), untagged, then the view: ";
    const string Remap = "mach_vm_remap(VM_FLAGS_ANYWHERE, this task, copy = {0}, VM_INHERIT_NONE)";
    const string Entry = "mach_make_memory_entry_64({0}), mach_vm_map(VM_FLAGS_ANYWHERE, {1}, copy FALSE, cur and max VM_PROT_READ|VM_PROT_WRITE, VM_INHERIT_NONE)";

    static readonly IReadOnlyList<Check<SecondViewRun>> LinuxShared =
    [
        new(SharedViewClaims.LinuxWritesCross, SharedViewClaims.WritesCross),
        new(SharedViewClaims.LinuxSameFrames, SharedViewClaims.SameFrames),
    ];

    static readonly IReadOnlyList<Check<SecondViewRun>> XnuShared = [new(SharedViewClaims.XnuWritesCross, SharedViewClaims.WritesCross)];

    static readonly IReadOnlyList<Check<SecondViewRun>> XnuCopied =
    [
        new(CopiedViewClaims.XnuCopyStays, CopiedViewClaims.CopyStays),
        new(CopiedViewClaims.XnuCopyHasItsOwnObject, CopiedViewClaims.OwnObject),
    ];

    const string SharedIsOneMemory =
        "two views of one memory are how a check made through one is undone through the other (TOCTOU): a reader must copy before it checks; a shared view that silently stopped sharing would hand its peer stale data";

    const string CopySeesWrites =
        "a copied view that still sees the original's writes turns a check made on the copy into a TOCTOU: the data validated changes under it";

    public static readonly IReadOnlyList<ViewCase> All =
    [
        new(SecondViews.All.Of(SecondViewWay.MemfdShared),
            $"{Memfd}; mmap(PROT_READ|PROT_WRITE, MAP_SHARED, memfd) twice: the original and the view",
            LinuxShared, SharedIsOneMemory),
        new(SecondViews.All.Of(SecondViewWay.MemfdPrivate),
            $"{Memfd}; the original mmap(PROT_READ|PROT_WRITE, MAP_SHARED, memfd), the view mmap(PROT_READ|PROT_WRITE, MAP_PRIVATE, memfd)",
            [new(CopiedViewClaims.LinuxPrivateFileView, CopiedViewClaims.PrivateFileView), new(CopiedViewClaims.LinuxCopiedOnWrite, CopiedViewClaims.CopiedOnWrite)],
            "a private view's write that reached the file would let a process change a file it may only map privately, every other reader of the file included"),
        new(SecondViews.All.Of(SecondViewWay.MremapShared), PageBuffers.Linux("MAP_SHARED") + Mremap, LinuxShared, SharedIsOneMemory),
        new(SecondViews.All.Of(SecondViewWay.MremapPrivate), PageBuffers.Linux("MAP_PRIVATE") + Mremap,
            [new(RefusedViewClaims.LinuxPrivateMremapRefused, RefusedViewClaims.Refused)],
            "a private anonymous mapping duplicated in place would alias pages that copy-on-write and reclaim account to one mapping: a write through one view would land in pages the other believes its own"),
        new(SecondViews.All.Of(SecondViewWay.ProcMemPrivateFile),
            $"{Memfd}, pwrite of the file's data; the view mmap(PROT_READ, MAP_PRIVATE) of the memfd reopened O_RDONLY; the forced write pwrite(/proc/self/mem) at the view's address",
            [new(ForcedWriteClaims.FileNeverChanged, ForcedWriteClaims.FileUnchanged), new(ForcedWriteClaims.ForcedWriteCopies, ForcedWriteClaims.Copies)],
            "a forced write that reached the file behind a read-only private mapping is DirtyCOW (CVE-2016-5195): an unprivileged process rewriting a file it may only read, a setuid binary say"),
        new(SecondViews.All.Of(SecondViewWay.RemapShare), XnuOriginal + string.Format(null, Remap, "FALSE"), XnuShared, SharedIsOneMemory),
        new(SecondViews.All.Of(SecondViewWay.RemapCopy), XnuOriginal + string.Format(null, Remap, "TRUE"), XnuCopied, CopySeesWrites),
        new(SecondViews.All.Of(SecondViewWay.EntryShare),
            XnuOriginal + string.Format(null, Entry, "VM_PROT_READ|VM_PROT_WRITE|MAP_MEM_VM_SHARE", "2 pages"), XnuShared, SharedIsOneMemory),
        new(SecondViews.All.Of(SecondViewWay.EntryCopy),
            XnuOriginal + string.Format(null, Entry, "VM_PROT_READ|VM_PROT_WRITE|MAP_MEM_VM_COPY", "2 pages"), XnuCopied, CopySeesWrites),
        new(SecondViews.All.Of(SecondViewWay.EntryReadOnly),
            XnuOriginal + string.Format(null, Entry, "VM_PROT_READ|MAP_MEM_VM_SHARE", "2 pages"),
            [new(RefusedViewClaims.XnuReadOnlyEntryRefused, RefusedViewClaims.Refused)],
            "a read-only memory entry mapped writable lets whoever holds the entry, often received in a Mach message, write memory its owner shared read-only"),
        new(SecondViews.All.Of(SecondViewWay.EntryUnaligned),
            XnuOriginal + string.Format(null, Entry, "2 pages - 1 byte, VM_PROT_READ|VM_PROT_WRITE|MAP_MEM_VM_SHARE", "2 pages - 1 byte"),
            [],
            "an entry size that is not page aligned is PhysPuppet's shape (CVE-2023-23536): where the kernel rounds it one way and maps it another, a task keeps a page it no longer owns"),
    ];
}

/// <summary>
/// The same memory can be mapped a second time, and whether a write through one view shows in
/// the other decides whether a check made on one can be undone through the other
/// (time-of-check/time-of-use). The original is filled, a second view made; the original is
/// written and the view read; the view is written and the original read:
/// <code>
/// oolprobe second-view --view memfd-shared --pages 2            Linux  memfd_create, mmap(MAP_SHARED, memfd) twice
/// oolprobe second-view --view proc-mem-private-file --pages 2   Linux  mmap(PROT_READ, MAP_PRIVATE, memfd), pwrite(/proc/self/mem)
/// oolprobe second-view --view remap-copy --pages 2              XNU    mach_vm_allocate(VM_FLAGS_ANYWHERE), mach_vm_remap(copy = TRUE)
/// </code>
/// (every way, its calls and claims: <see cref="ViewCases"/>). A shared view is one memory; a
/// copy keeps its writes to itself; some views are refused; a forced write through
/// /proc/self/mem never reaches the file behind a private mapping (DirtyCOW's end state).
/// <para>Each spec is a theory over the rows of the claims it names; a row of the other kernel
/// is skipped naming the kernel it needs. On Linux every Linux row runs for real, as root and
/// once more without CAP_SYS_ADMIN; the XNU claims cite the XNU source they follow, and wait for
/// a Mac to be observed.</para>
/// </summary>
public sealed class SecondMappingSpec
{
    static Claim[] WritesCross => [SharedViewClaims.LinuxWritesCross, SharedViewClaims.XnuWritesCross];
    static Claim[] Refused => [RefusedViewClaims.LinuxPrivateMremapRefused, RefusedViewClaims.XnuReadOnlyEntryRefused];

    /// <summary>The Linux claims about frame numbers and map counts, which a run without them must leave unverified.</summary>
    static Claim[] AboutFrames => [SharedViewClaims.LinuxSameFrames, CopiedViewClaims.LinuxCopiedOnWrite, ForcedWriteClaims.ForcedWriteCopies];

    public static TheoryData<string> WritesCrossRows => ViewCases.All.Under(WritesCross);

    public static TheoryData<string> SameFramesRows => ViewCases.All.Under(SharedViewClaims.LinuxSameFrames);

    public static TheoryData<string> PrivateFileRows => ViewCases.All.Under(CopiedViewClaims.LinuxPrivateFileView);

    public static TheoryData<string> CopiedOnWriteRows => ViewCases.All.Under(CopiedViewClaims.LinuxCopiedOnWrite);

    public static TheoryData<string> CopyStaysRows => ViewCases.All.Under(CopiedViewClaims.XnuCopyStays);

    public static TheoryData<string> OwnObjectRows => ViewCases.All.Under(CopiedViewClaims.XnuCopyHasItsOwnObject);

    public static TheoryData<string> RefusedRows => ViewCases.All.Under(Refused);

    public static TheoryData<string> FileNeverChangedRows => ViewCases.All.Under(ForcedWriteClaims.FileNeverChanged);

    public static TheoryData<string> ForcedWriteCopiesRows => ViewCases.All.Under(ForcedWriteClaims.ForcedWriteCopies);

    public static TheoryData<string> EveryRow => ViewCases.All.Matching(_ => true);

    public static TheoryData<string> LinuxRows => ViewCases.All.Matching(row => row.Kernel == Kernel.Linux);

    [SkippableTheory]
    [MemberData(nameof(WritesCrossRows))]
    public void A_shared_second_view_and_the_original_see_each_others_writes(string row) =>
        ClaimAssert.Holds(Row(row).Judged(WritesCross));

    [SkippableTheory]
    [MemberData(nameof(SameFramesRows))]
    public void A_shared_second_view_maps_the_originals_frames(string row) =>
        ClaimAssert.Holds(Row(row).Judged(SharedViewClaims.LinuxSameFrames));

    [SkippableTheory]
    [MemberData(nameof(PrivateFileRows))]
    public void A_private_view_of_a_file_reads_the_file_until_it_writes_and_its_write_never_reaches_the_file(string row) =>
        ClaimAssert.Holds(Row(row).Judged(CopiedViewClaims.LinuxPrivateFileView));

    [SkippableTheory]
    [MemberData(nameof(CopiedOnWriteRows))]
    public void A_private_view_of_a_file_shares_its_frames_until_it_writes(string row) =>
        ClaimAssert.Holds(Row(row).Judged(CopiedViewClaims.LinuxCopiedOnWrite));

    [SkippableTheory]
    [MemberData(nameof(CopyStaysRows))]
    public void A_copied_view_reads_the_data_of_the_copy_and_neither_side_sees_later_writes(string row) =>
        ClaimAssert.Holds(Row(row).Judged(CopiedViewClaims.XnuCopyStays));

    [SkippableTheory]
    [MemberData(nameof(OwnObjectRows))]
    public void A_copied_view_maps_a_copy_on_write_object_of_its_own_never_the_originals(string row) =>
        ClaimAssert.Holds(Row(row).Judged(CopiedViewClaims.XnuCopyHasItsOwnObject));

    [SkippableTheory]
    [MemberData(nameof(RefusedRows))]
    public void A_refused_view_is_refused_with_the_code_the_source_returns(string row) =>
        ClaimAssert.Holds(Row(row).Judged(Refused));

    [SkippableTheory]
    [MemberData(nameof(FileNeverChangedRows))]
    public void A_forced_write_into_a_read_only_private_file_mapping_never_reaches_the_file(string row) =>
        ClaimAssert.Holds(Row(row).Judged(ForcedWriteClaims.FileNeverChanged));

    [SkippableTheory]
    [MemberData(nameof(ForcedWriteCopiesRows))]
    public void A_forced_write_that_lands_lands_in_frames_of_the_mappings_own(string row) =>
        ClaimAssert.Holds(Row(row).Judged(ForcedWriteClaims.ForcedWriteCopies));

    [SkippableTheory]
    [MemberData(nameof(EveryRow))]
    public void The_whole_run_matches_the_approved_snapshot(string row) => Snapshot.Matches(Row(row).OnThisKernel());

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown_and_every_other_fact_is_still_judged(string row)
    {
        var viewCase = Row(row);
        var run = viewCase.Run(withoutCapSysAdmin: true);

        run.FramesKnown.Should().BeFalse();
        run.Frames!.Reason.Should().NotBeNullOrWhiteSpace("the probe says why the frames are unknown");
        run.Steps.SelectMany(s => new[] { s.Original, s.View }).Where(side => side is not null)
            .SelectMany(side => side!.PageStates!).Should().OnlyContain(p => p.Pfn == null && p.MapCount == null);
        var asRootRun = viewCase.Run();
        foreach (var (verdict, asRoot) in viewCase.JudgeAll(run).Zip(viewCase.JudgeAll(asRootRun)))
        {
            var otherwiseUnknown = asRoot.Unverified.Where(reason => reason != Requires.Frames(asRootRun.Frames)).ToList();
            verdict.Violations.Should().BeEmpty("what needs no frame numbers is still checked: {0}", verdict.Claim);
            verdict.Unverified.Where(reason => reason != Requires.Frames(run.Frames))
                .Should().BeEquivalentTo(otherwiseUnknown, "only frame numbers and map counts are missing: {0}", verdict.Claim);
            if (AboutFrames.Contains(verdict.Claim) && otherwiseUnknown.Count == 0)
            {
                verdict.Unverified.Should().Contain(Requires.Frames(run.Frames), "a claim about frames is left unverified without them, never passed: {0}", verdict.Claim);
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void The_run_without_frames_matches_its_approved_snapshot(string row) =>
        Snapshot.Matches(Row(row).OnThisKernel(withoutCapSysAdmin: true));

    static ViewCase Row(string description) => ViewCases.All.Described(description);
}

using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.SecondMapping;

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

    public static TheoryData<string> WritesCrossRows => ViewCases.All.UnderAny(WritesCross);

    public static TheoryData<string> SameFramesRows => ViewCases.All.Under(SharedViewClaims.LinuxSameFrames);

    public static TheoryData<string> PrivateFileRows => ViewCases.All.Under(CopiedViewClaims.LinuxPrivateFileView);

    public static TheoryData<string> CopiedOnWriteRows => ViewCases.All.Under(CopiedViewClaims.LinuxCopiedOnWrite);

    public static TheoryData<string> CopyStaysRows => ViewCases.All.Under(CopiedViewClaims.XnuCopyStays);

    public static TheoryData<string> OwnObjectRows => ViewCases.All.Under(CopiedViewClaims.XnuCopyHasItsOwnObject);

    public static TheoryData<string> RefusedRows => ViewCases.All.UnderAny(Refused);

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

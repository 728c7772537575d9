using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.SecondMapping;

/// <summary>
/// The same memory can be mapped a second time, and whether a write through one view shows in
/// the other decides whether a check made on one can be undone through the other
/// (time-of-check/time-of-use). The original is filled, a second view made; the original is
/// written and the view read; the view is written and the original read; each writer reads its
/// own write back. A shared view (two MAP_SHARED mappings of a memfd, mremap with old_size 0 of a
/// shared mapping; XNU mach_vm_remap copy FALSE, a MAP_MEM_VM_SHARE entry) is one memory. A copy
/// (a MAP_PRIVATE view of a file once it writes; XNU mach_vm_remap copy TRUE, a MAP_MEM_VM_COPY
/// entry) keeps its writes to itself. Some views are refused, and a forced write through
/// /proc/self/mem never reaches the file behind a private mapping (DirtyCOW's end state).
/// <para>Each spec is a theory over the rows its claim is about, named in words; a row of the
/// other kernel is skipped naming the kernel it needs. On Linux every Linux row runs for real,
/// as root and once more without CAP_SYS_ADMIN; the XNU claims cite the XNU source they follow,
/// and wait for a Mac to be observed.</para>
/// </summary>
public sealed class SecondMappingSpec
{
    public static TheoryData<string> SharedRows => ViewRuns.Falling(ViewOutcome.Shared);

    public static TheoryData<string> LinuxSharedRows => ViewRuns.Rows(row => row.Outcome == ViewOutcome.Shared && row.Kernel == Kernel.Linux);

    public static TheoryData<string> PrivateFileRows => ViewRuns.Falling(ViewOutcome.PrivateFile);

    public static TheoryData<string> CopiedRows => ViewRuns.Falling(ViewOutcome.Copied);

    public static TheoryData<string> RefusedRows => ViewRuns.Falling(ViewOutcome.Refused);

    public static TheoryData<string> ForcedWriteRows => ViewRuns.Falling(ViewOutcome.ForcedWrite);

    public static TheoryData<string> EveryRow => ViewRuns.Rows(_ => true);

    public static TheoryData<string> LinuxRows => ViewRuns.Rows(row => row.Kernel == Kernel.Linux);

    [SkippableTheory]
    [MemberData(nameof(SharedRows))]
    public void A_shared_second_view_and_the_original_see_each_others_writes(string row) =>
        ClaimAssert.Holds(SharedViewClaims.WritesCross(ViewRuns.Of(row)));

    [SkippableTheory]
    [MemberData(nameof(LinuxSharedRows))]
    public void A_shared_second_view_maps_the_originals_frames(string row) =>
        ClaimAssert.Holds(SharedViewClaims.SameFrames(ViewRuns.Of(row)));

    [SkippableTheory]
    [MemberData(nameof(PrivateFileRows))]
    public void A_private_view_of_a_file_reads_the_file_until_it_writes_and_its_write_never_reaches_the_file(string row) =>
        ClaimAssert.Holds(CopiedViewClaims.PrivateFileView(ViewRuns.Of(row)));

    [SkippableTheory]
    [MemberData(nameof(PrivateFileRows))]
    public void A_private_view_of_a_file_shares_its_frames_until_it_writes(string row) =>
        ClaimAssert.Holds(CopiedViewClaims.CopiedOnWrite(ViewRuns.Of(row)));

    [SkippableTheory]
    [MemberData(nameof(CopiedRows))]
    public void A_copied_view_reads_the_data_of_the_copy_and_neither_side_sees_later_writes(string row) =>
        ClaimAssert.Holds(CopiedViewClaims.CopyStays(ViewRuns.Of(row)));

    [SkippableTheory]
    [MemberData(nameof(CopiedRows))]
    public void A_copied_view_maps_a_copy_on_write_object_of_its_own_never_the_originals(string row) =>
        ClaimAssert.Holds(CopiedViewClaims.OwnObject(ViewRuns.Of(row)));

    [SkippableTheory]
    [MemberData(nameof(RefusedRows))]
    public void A_refused_view_is_refused_with_the_code_the_source_returns(string row) =>
        ClaimAssert.Holds(RefusedViewClaims.Refused(ViewRuns.Of(row)));

    [SkippableTheory]
    [MemberData(nameof(ForcedWriteRows))]
    public void A_forced_write_into_a_read_only_private_file_mapping_never_reaches_the_file(string row) =>
        ClaimAssert.Holds(ForcedWriteClaims.FileUnchanged(ViewRuns.Of(row)));

    [SkippableTheory]
    [MemberData(nameof(ForcedWriteRows))]
    public void A_forced_write_that_lands_lands_in_frames_of_the_mappings_own(string row) =>
        ClaimAssert.Holds(ForcedWriteClaims.Copies(ViewRuns.Of(row)));

    [SkippableTheory]
    [MemberData(nameof(EveryRow))]
    public void The_whole_run_matches_the_approved_snapshot(string row) => Snapshot.Matches(ViewRuns.Scenario(row));

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown(string row)
    {
        var run = ViewRuns.Of(row, withoutCapSysAdmin: true);

        run.FramesKnown.Should().BeFalse();
        run.Frames!.Reason.Should().NotBeNullOrWhiteSpace("the probe says why the frames are unknown");
        run.Steps.SelectMany(s => new[] { s.Original, s.View }).Where(side => side is not null)
            .SelectMany(side => side!.PageStates!).Should().OnlyContain(p => p.Pfn == null && p.MapCount == null);
    }

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void The_run_without_frames_matches_its_approved_snapshot(string row) =>
        Snapshot.Matches(ViewRuns.Scenario(row, withoutCapSysAdmin: true));
}

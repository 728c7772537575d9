namespace OolSpecs.Specs.OolTransfer;

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

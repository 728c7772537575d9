using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// Every case in full, both tasks: the receiver's descriptor and region before and after it
/// writes, and the sender's region while the copy is queued, after it is received and after
/// the sender writes. This is where "where is copy-on-write?" is answered on each release.
/// </summary>
public sealed class OolTransferSnapshotSpec
{
    public static TheoryData<int> EveryCase => [.. ArticleCase.All.Select(c => c.Number)];

    [SkippableTheory]
    [MemberData(nameof(EveryCase))]
    public void Each_case_seen_from_both_tasks_matches_its_approved_snapshot(int number)
    {
        XnuOnly.Require();
        var scenario = ArticleCase.Numbered(number).Scenario;
        Lab.Snapshots.Verify(new SnapshotKey(OolTransferScenario.Family, scenario.Case), scenario.Render(OolRuns.Of(scenario)));
    }
}

using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Tests.Support;
using OolSpecs.Specs.Support;
using static OolSpecs.Harness.Tests.Snapshots.TempSnapshotTree;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>
/// A first run on a platform with nothing approved skips each snapshot spec, saying which
/// received file it wrote and how to approve it; once the platform has a baseline, a case
/// without its file fails.
/// </summary>
public sealed class FirstRunTests : IDisposable
{
    readonly TempSnapshotTree temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_snapshot_spec_on_a_platform_without_a_baseline_is_skipped_naming_where_received_files_go_and_the_accept_command()
    {
        var scenario = new ScriptedScenario("observed");
        var verifier = new SnapshotVerifier(temp.Tree, MacOs(26, 0));

        var act = () => Snapshot.Compare(verifier, scenario, "observed", onCi: false);

        var skip = act.Should().Throw<SkipException>().Which;
        var received = temp.PathOf("macos-26.0", "arm64", new SnapshotKey("Made", "up"), SnapshotTree.ReceivedSuffix);
        skip.Message.Should().Contain("`macos-26.0/arm64/`").And.Contain("dotnet run --project Cli -- accept`").And.Contain("macos arm64")
            .And.NotContain("--from");
        File.ReadAllText(received).Should().Be("# observed\n");
    }

    [Fact]
    public void Every_case_of_a_first_run_is_skipped_for_one_reason_without_path_or_case_so_the_summary_counts_them_on_one_line()
    {
        var verifier = new SnapshotVerifier(temp.Tree, MacOs(26, 0));
        var reasons = new OolSpecs.SkipSummary.SkipReasons();

        foreach (var scenario in new[] { new ScriptedScenario("one") { Case = "first-case" }, new ScriptedScenario("two") { Case = "second-case" } })
        {
            var act = () => Snapshot.Compare(verifier, scenario, "observed", onCi: false);
            var reason = act.Should().Throw<SkipException>().Which.Message;
            reason.Should().NotContain(temp.Root).And.NotContain("-case").And.NotContain("Made/");
            reasons.Add(reason, "/x/bin/Specs.dll");
        }

        reasons.Render().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2)
            .And.Contain(line => line.StartsWith("     2 × No snapshot is approved for macos arm64", StringComparison.Ordinal));
    }

    [Fact]
    public void On_CI_the_first_run_reason_says_to_download_the_jobs_artifact_and_accept_from_it()
    {
        var verifier = new SnapshotVerifier(temp.Tree, MacOs(26, 0));

        var act = () => Snapshot.Compare(verifier, new ScriptedScenario("observed"), "observed", onCi: true);

        act.Should().Throw<SkipException>().Which.Message.Should()
            .Contain("the artifact `received-macos-26.0-arm64`")
            .And.Contain("`dotnet run --project Cli -- accept --from received-macos-26.0-arm64.zip`")
            .And.NotContain(temp.Root);
    }

    [Theory]
    [InlineData("true", null, true)]
    [InlineData(null, "true", true)]
    [InlineData(null, "TRUE", true)]
    [InlineData("false", null, false)]
    [InlineData(null, null, false)]
    [InlineData("", "0", false)]
    public void CI_is_recognised_from_GITHUB_ACTIONS_or_CI(string? githubActions, string? ci, bool expected)
    {
        var variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = githubActions, ["CI"] = ci };

        ContinuousIntegration.IsRunning(name => variables.GetValueOrDefault(name)).Should().Be(expected);
    }

    [Fact]
    public void A_snapshot_spec_whose_case_lacks_its_file_on_a_platform_with_a_baseline_fails()
    {
        temp.Write("macos-15.5", "arm64", new SnapshotKey("Made", "another"), "# approved\n");
        var scenario = new ScriptedScenario("observed");

        var act = () => Snapshot.Compare(new SnapshotVerifier(temp.Tree, MacOs(26, 0)), scenario, "observed");

        act.Should().Throw<SnapshotMismatchException>().WithMessage("*was its approval forgotten*");
    }

    [Fact]
    public void Received_files_and_folders_that_name_no_release_are_no_baseline()
    {
        temp.Write("macos-15.5", "arm64", new SnapshotKey("Made", "up"), "# pending\n", SnapshotTree.ReceivedSuffix);
        var stray = Path.Combine(temp.Root, "notes", "arm64", "Made");
        Directory.CreateDirectory(stray);
        File.WriteAllText(Path.Combine(stray, "up.approved.md"), "# not a release\n");

        temp.Tree.HasBaseline(MacOs(15, 5)).Should().BeFalse();
        temp.Write("macos-14.0", "arm64", new SnapshotKey("Made", "up"), "# approved\n");
        temp.Tree.HasBaseline(MacOs(15, 5)).Should().BeTrue("an approval at any release of this os and arch is a baseline");
    }
}

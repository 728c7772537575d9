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
    public void A_snapshot_spec_on_a_platform_without_a_baseline_is_skipped_naming_the_received_file_and_the_accept_command()
    {
        var scenario = new ScriptedScenario("observed");
        var verifier = new SnapshotVerifier(temp.Tree, MacOs(26, 0));

        var act = () => Snapshot.Compare(verifier, scenario, "observed");

        var skip = act.Should().Throw<SkipException>().Which;
        var received = temp.PathOf("macos-26.0", "arm64", new SnapshotKey("Made", "up"), SnapshotTree.ReceivedSuffix);
        skip.Message.Should().Contain(received).And.Contain("dotnet run --project Cli -- accept").And.Contain("macos arm64");
        File.ReadAllText(received).Should().Be("# observed\n");
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

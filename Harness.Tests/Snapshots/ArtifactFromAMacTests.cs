using OolSpecs.Harness.Cli;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>
/// Artifacts as a Mac user has them: Finder and Archive Utility metadata beside the snapshots,
/// several artifacts in one `gh run download` folder, releases brought home in any order.
/// </summary>
public sealed class ArtifactFromAMacTests : IDisposable
{
    readonly ArtifactWorkbench bench = new();

    public void Dispose() => bench.Dispose();

    static string Entry(string release, string arch, Harness.Snapshots.SnapshotKey key) => $"{release}/{arch}/{key}.received.md";

    [Fact]
    public void Finder_and_Archive_Utility_metadata_in_a_zip_is_skipped_and_named()
    {
        var zip = bench.Zip(
            (Entry("macos-26.0", "arm64", ArtifactWorkbench.Fork), "# fork\n"),
            (".DS_Store", "\0\0\0\u0001Bud1"),
            ("macos-26.0/arm64/.DS_Store", "\0\0\0\u0001Bud1"),
            ("__MACOSX/macos-26.0/arm64/ForkCopyOnWrite/._fork-cow.received.md", "\0\u0005\u0016\u0007"),
            ("macos-26.0/arm64/ForkCopyOnWrite/._fork-cow.received.md", "\0\u0005\u0016\u0007"));

        bench.Accept("--from", zip).Should().Be(ExitCode.Done, bench.Errors.ToString());

        bench.TreeFiles().Should().Equal("macos-26.0", "macos-26.0/arm64", "macos-26.0/arm64/ForkCopyOnWrite", "macos-26.0/arm64/ForkCopyOnWrite/fork-cow.approved.md");
        bench.Output.ToString().Should().Contain("skipped .DS_Store: macOS metadata")
            .And.Contain("skipped macos-26.0/arm64/.DS_Store")
            .And.Contain("skipped __MACOSX/macos-26.0/arm64/ForkCopyOnWrite/._fork-cow.received.md")
            .And.Contain("skipped macos-26.0/arm64/ForkCopyOnWrite/._fork-cow.received.md")
            .And.Contain("1 approved, 0 unchanged");
    }

    [Fact]
    public void A_gh_run_download_folder_of_several_artifacts_is_approved_with_its_metadata_and_determinism_report_skipped()
    {
        var folder = bench.Folder(
            ($"received-macos-26.0-arm64/{Entry("macos-26.0", "arm64", ArtifactWorkbench.Fork)}", "# fork on arm64\n"),
            ($"received-macos-15.5-x86_64/{Entry("macos-15.5", "x86_64", ArtifactWorkbench.Case1)}", "# case 1 on intel\n"),
            ("received-macos-15.5-x86_64/.DS_Store", "finder"),
            ("determinism-macos-26.0-arm64/determinism.md", "# Determinism\n"),
            (".DS_Store", "finder"));

        bench.Accept("--from", folder).Should().Be(ExitCode.Done, bench.Errors.ToString());

        File.ReadAllText(bench.Tree.PathOf("macos-26.0", "arm64", ArtifactWorkbench.Fork)).Should().Be("# fork on arm64\n");
        File.ReadAllText(bench.Tree.PathOf("macos-15.5", "x86_64", ArtifactWorkbench.Case1)).Should().Be("# case 1 on intel\n");
        bench.Output.ToString().Should().Contain("skipped received-macos-15.5-x86_64/.DS_Store")
            .And.Contain("skipped determinism-macos-26.0-arm64/determinism.md: the run's determinism report")
            .And.Contain("2 approved, 0 unchanged");
    }

    [Fact]
    public void Two_artifacts_holding_the_same_case_are_refused_naming_both()
    {
        var folder = bench.Folder(
            ($"one/{Entry("macos-26.0", "arm64", ArtifactWorkbench.Fork)}", "# one\n"),
            ($"two/{Entry("macos-26.0", "arm64", ArtifactWorkbench.Fork)}", "# two\n"));

        bench.Accept("--from", folder).Should().Be(ExitCode.BadInput);

        bench.Errors.ToString().Should().Contain($"refused 'two/{Entry("macos-26.0", "arm64", ArtifactWorkbench.Fork)}'").And.Contain("also as 'one/");
        bench.TreeFiles().Should().BeEmpty();
    }

    [Fact]
    public void An_older_release_brought_after_a_newer_equal_one_removes_the_newer_approval()
    {
        bench.Accept("--from", bench.Zip((Entry("macos-26.0", "arm64", ArtifactWorkbench.Fork), "# same\n"))).Should().Be(ExitCode.Done);

        bench.Accept("--from", bench.Zip((Entry("macos-15.5", "arm64", ArtifactWorkbench.Fork), "# same\n"))).Should().Be(ExitCode.Done, bench.Errors.ToString());

        bench.TreeFiles().Should().Equal("macos-15.5", "macos-15.5/arm64", "macos-15.5/arm64/ForkCopyOnWrite", "macos-15.5/arm64/ForkCopyOnWrite/fork-cow.approved.md");
        bench.Output.ToString().Should().Contain("removed ").And.Contain("equals what macos-15.5 now approves").And.Contain("1 newer approval(s) removed");
    }

    public static TheoryData<int> Orders => [.. Enumerable.Range(0, 24)];

    /// <summary>
    /// Four releases, two of them equal to the one before: every order of bringing them home ends
    /// in the same tree. (A text that comes back after a change, A B A, is the limit: a newer A
    /// left out before the B between was known cannot be recalled; see the README.)
    /// </summary>
    [Theory]
    [MemberData(nameof(Orders))]
    public void Accepting_releases_in_any_order_gives_the_same_tree(int order)
    {
        (string Release, string Text)[] releases = [("macos-15.5", "# A\n"), ("macos-15.7", "# A\n"), ("macos-26.0", "# B\n"), ("macos-26.1", "# B\n")];
        using var expected = new TempSnapshotTree();
        expected.Write("macos-15.5", "arm64", ArtifactWorkbench.Fork, "# A\n");
        expected.Write("macos-26.0", "arm64", ArtifactWorkbench.Fork, "# B\n");

        foreach (var (release, text) in Permutation(releases, order))
        {
            bench.Accept("--from", bench.Zip((Entry(release, "arm64", ArtifactWorkbench.Fork), text))).Should().Be(ExitCode.Done, bench.Errors.ToString());
        }

        ArtifactWorkbench.Contents(bench.Tree.Root).Should().Equal(ArtifactWorkbench.Contents(expected.Root), string.Join(" then ", Permutation(releases, order).Select(r => r.Release)));
        bench.TreeFiles().Should().HaveCount(2 * 4, "no folder is left empty where an approval was removed");
    }

    static IEnumerable<T> Permutation<T>(IReadOnlyList<T> items, int index)
    {
        var left = items.ToList();
        for (var n = left.Count; n > 0; n--)
        {
            var factorial = Enumerable.Range(1, n - 1).Aggregate(1, (a, b) => a * b);
            var pick = index / factorial;
            index %= factorial;
            yield return left[pick];
            left.RemoveAt(pick);
        }
    }
}

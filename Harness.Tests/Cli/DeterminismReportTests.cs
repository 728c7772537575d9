using OolSpecs.Specs.Support;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Cli.Bench;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Tests.Support;
using static OolSpecs.Harness.Tests.Snapshots.TempSnapshotTree;

namespace OolSpecs.Harness.Tests.Cli;

/// <summary>`bench --report`: the determinism report a first baseline is read with.</summary>
public sealed class DeterminismReportTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("oolspecs-report-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Runs_that_differ_are_reported_with_the_first_differing_lines()
    {
        // The warm-up run takes "a"; the three timed runs see a, b, c.
        var unstable = BenchRunner.Measure("made-up", new ScriptedScenario("a", "a", "b", "c"), ScriptedScenario.NoProbe, runs: 3);
        var stable = BenchRunner.Measure("steady", new ScriptedScenario("same") { Case = "steady-case" }, ScriptedScenario.NoProbe, runs: 3);

        var report = DeterminismReport.Render(MacOs(26, 0), [stable, unstable]);

        report.Should().StartWith("# Determinism of the snapshots: macos-26.0 arm64\n")
            .And.Contain("| steady | steady-case | 3 | yes |")
            .And.Contain("| made-up | up | 3 | no (3 different texts) |")
            .And.Contain("1 of 2 scenario(s) gave different texts: `Made/up`.")
            .And.Contain("## Made/up: 3 different texts over 3 runs")
            .And.Contain("-# a").And.Contain("+# b").And.NotContain("+# c");
    }

    [Fact]
    public void Identical_runs_are_reported_stable_with_no_diff()
    {
        var stable = BenchRunner.Measure("steady", new ScriptedScenario("same"), ScriptedScenario.NoProbe, runs: 2);

        var report = DeterminismReport.Render(MacOs(26, 0), [stable]);

        report.Should().Contain("All 1 scenario(s) gave identical texts in every run.").And.NotContain("```");
    }

    [Fact]
    public void A_long_difference_is_cut_and_a_fence_inside_a_snapshot_cannot_close_the_diff()
    {
        var many = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"line {i} ````"));
        var unstable = BenchRunner.Measure("made-up", new ScriptedScenario("x", "x", many), ScriptedScenario.NoProbe, runs: 2);

        var report = DeterminismReport.Render(MacOs(26, 0), [unstable]);

        report.Should().Contain("`````diff\n").And.Contain("more diff lines\n`````");
    }

    [SkippableFact]
    public void Bench_writes_the_report_to_the_file_given()
    {
        Lab.NeedsNativePlatform();
        var file = Path.Combine(folder, "determinism.md");
        var errors = new StringWriter();

        var code = new CommandLine(new StringWriter(), errors, ProbeRunner.Default, () => "/nonexistent").Run(["bench", "fork-cow", "-n", "1", "--report", file]);

        code.Should().Be(ExitCode.Done, errors.ToString());
        var rows = File.ReadAllLines(file).Where(line => line.StartsWith("| fork-cow | ", StringComparison.Ordinal)).ToList();
        File.ReadAllText(file).Should().StartWith("# Determinism of the snapshots: ");
        rows.Should().HaveCount(2, "the one-page walk and the four-page walk the child writes in part")
            .And.OnlyContain(row => row.EndsWith(" | 1 | yes |", StringComparison.Ordinal));
        Directory.GetFiles(folder).Should().Equal([file], "the temporary file was renamed into place");
    }

    [Theory]
    [InlineData("missing/determinism.md", "does not exist")]
    [InlineData(".", "is a folder")]
    [InlineData(" ", "--report is empty")]
    public void A_report_path_that_cannot_be_written_is_bad_input_before_any_probe_runs(string path, string reason)
    {
        var errors = new StringWriter();
        var target = path.Trim().Length == 0 ? path : Path.Combine(folder, path);

        var code = new CommandLine(new StringWriter(), errors, () => throw new InvalidOperationException("probe started"), () => "/nonexistent")
            .Run(["bench", "fork-cow", "-n", "1", "--report", target]);

        code.Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("--report").And.Contain(reason);
        Directory.EnumerateFileSystemEntries(folder).Should().BeEmpty();
    }
}

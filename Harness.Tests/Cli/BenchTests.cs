using OolSpecs.Specs.Support;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Cli.Bench;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Tests.Support;

namespace OolSpecs.Harness.Tests.Cli;

public sealed class BenchTests
{
    [Fact]
    public void Runs_that_render_the_same_text_are_identical()
    {
        var result = BenchRunner.Measure("made-up", new ScriptedScenario("same"), ScriptedScenario.NoProbe, runs: 5);

        result.Runs.Should().Be(5);
        result.Identical.Should().BeTrue();
        result.Min.Should().BeLessThanOrEqualTo(result.Median).And.BeLessThanOrEqualTo(result.Max);
    }

    [Fact]
    public void One_run_that_renders_differently_makes_the_runs_not_identical()
    {
        // The warm-up run takes "a"; the five timed runs see a, a, b, a, a.
        var result = BenchRunner.Measure("made-up", new ScriptedScenario("a", "a", "a", "b", "a", "a"), ScriptedScenario.NoProbe, runs: 5);

        result.Identical.Should().BeFalse();
        result.DistinctOutputs.Should().Be(2);
    }

    [Fact]
    public void Progress_is_told_each_run_in_order()
    {
        var told = new List<int>();

        BenchRunner.Measure("made-up", new ScriptedScenario("same"), ScriptedScenario.NoProbe, runs: 3, told.Add);

        told.Should().Equal(1, 2, 3);
    }

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_and_of_an_even_count_the_mean_of_the_middle_two()
    {
        static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

        Statistics.Median([Ms(9), Ms(1), Ms(5)]).Should().Be(Ms(5));
        Statistics.Median([Ms(9), Ms(1), Ms(5), Ms(3)]).Should().Be(Ms(4));
        Statistics.Median([Ms(7)]).Should().Be(Ms(7));
    }

    [SkippableFact]
    public void Bench_of_the_fork_walk_prints_a_row_with_its_runs_median_spread_and_whether_they_were_identical()
    {
        Lab.NeedsNativePlatform();
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = new CommandLine(output, errors, ProbeRunner.Default, () => "/nonexistent").Run(["bench", "fork-cow", "-n", "1"]);

        code.Should().Be(ExitCode.Done, errors.ToString());
        var rows = output.ToString().Split('\n').Where(l => l.Contains("fork-cow") && l.Contains(" ms")).ToList();
        rows.Should().HaveCount(2, "the one-page walk and the four-page walk the child writes in part");
        rows.Should().OnlyContain(row => row.Contains(" 1 ") && row.Contains("yes"));
        output.ToString().Should().Contain("median").And.Contain("identical output");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-2")]
    public void A_run_count_out_of_range_is_bad_input_naming_the_range(string runs)
    {
        var errors = new StringWriter();

        var code = new CommandLine(new StringWriter(), errors, () => throw new InvalidOperationException("probe started"), () => "/nonexistent")
            .Run(["bench", "fork-cow", "-n", runs]);

        code.Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("1 to 1000");
    }

    [Fact]
    public void A_run_count_that_is_no_number_is_bad_input_naming_it()
    {
        var errors = new StringWriter();

        var code = new CommandLine(new StringWriter(), errors, () => throw new InvalidOperationException("probe started"), () => "/nonexistent")
            .Run(["bench", "-n", "many"]);

        code.Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("'many'").And.Contain("oolspecs bench --help");
    }
}

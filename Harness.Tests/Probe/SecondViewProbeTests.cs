using OolSpecs.Harness.Tests.Support;
using OolSpecs.Specs.Support;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Probe;

/// <summary>The built probe's second-view refuses what it cannot do, its table agrees with the harness's, and `observe second-view` prints this kernel's rows.</summary>
public sealed class SecondViewProbeTests
{
    [Fact]
    public void An_unknown_row_exits_2_naming_the_value_and_the_known_rows()
    {
        var act = () => ProbeRunner.Default().Run("second-view", "--view", "mmap-twice");

        var failure = act.Should().Throw<ProbeFailedException>().Which;
        failure.ExitCode.Should().Be(2);
        failure.Stderr.Should().Contain("--view").And.Contain("\"mmap-twice\"").And.Contain("memfd-shared").And.Contain("entry-unaligned");
        failure.Stderr.TrimEnd().Split('\n').Should().ContainSingle("the probe says what is wrong in one line");
    }

    [SkippableFact]
    public void A_row_of_the_other_kernel_exits_3_naming_the_kernel_it_needs()
    {
        Lab.NeedsNativePlatform();
        OtherKernelRows.ExitThreeNamingTheirKernel("--view", SecondViews.All.Select(row => (row.Word, row.Kernel, new SecondViewScenario(row.Way).Arguments)));
    }

    [Fact]
    public void The_table_has_one_row_for_every_way_each_on_the_kernel_the_probe_names()
    {
        SecondViews.All.Select(row => row.Way).Should().BeEquivalentTo(Enum.GetValues<SecondViewWay>()).And.OnlyHaveUniqueItems();
        SecondViews.All.Select(row => row.Description).Should().OnlyHaveUniqueItems();
        var help = ProbeRunner.Default().Run("second-view", "--help").Split('\n');

        foreach (var row in SecondViews.All)
        {
            help.Should().Contain(line => line.TrimStart().StartsWith(row.Word + " ", StringComparison.Ordinal) && line.Contains($" {ProbeWords.Of(row.Kernel)} "),
                "the probe's help lists --view {0} as {1}'s", row.Word, row.Kernel.Title());
        }
    }

    [SkippableFact]
    public void Observe_second_view_prints_every_row_of_this_kernel_and_none_of_the_other()
    {
        Lab.NeedsNativePlatform();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = new CommandLine(output, errors, ProbeRunner.Default, () => Path.GetTempPath()).Run(["observe", "second-view", "--markdown"]);

        exit.Should().Be(0, errors.ToString());
        var here = PlatformDetector.Detect(ProbeRunner.Default()).Kernel;
        foreach (var row in SecondViews.All)
        {
            output.ToString().Contains($"`oolprobe second-view --view {row.Word} ", StringComparison.Ordinal)
                .Should().Be(row.Kernel == here, "observe prints {0} exactly when this kernel has it", row.Description);
        }
    }
}

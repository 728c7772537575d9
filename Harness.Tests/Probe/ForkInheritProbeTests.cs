using OolSpecs.Harness.Tests.Support;
using OolSpecs.Specs.Support;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Probe;

/// <summary>The built probe's fork-inherit refuses what it cannot do, and `observe fork-inherit` prints this kernel's modes.</summary>
public sealed class ForkInheritProbeTests
{
    [Fact]
    public void An_unknown_mode_exits_2_naming_the_value_and_the_known_modes()
    {
        var act = () => ProbeRunner.Default().Run("fork-inherit", "--mode", "cow");

        var failure = act.Should().Throw<ProbeFailedException>().Which;
        failure.ExitCode.Should().Be(2);
        failure.Stderr.Should().Contain("--mode").And.Contain("\"cow\"").And.Contain("wipeonfork");
        failure.Stderr.TrimEnd().Split('\n').Should().ContainSingle("the probe says what is wrong in one line");
    }

    [SkippableFact]
    public void A_mode_of_the_other_kernel_exits_3_naming_the_kernel_it_needs()
    {
        Lab.NeedsNativePlatform();
        OtherKernelRows.ExitThreeNamingTheirKernel("--mode", InheritModes.All.Select(row => (row.Word, row.Kernel, new ForkInheritScenario(row.Way).Arguments)));
    }

    [SkippableFact]
    public void Observe_fork_inherit_prints_every_mode_of_this_kernel_and_none_of_the_other()
    {
        Lab.NeedsNativePlatform();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = new CommandLine(output, errors, ProbeRunner.Default, () => Path.GetTempPath()).Run(["observe", "fork-inherit"]);

        exit.Should().Be(0, errors.ToString());
        var here = PlatformDetector.Detect(ProbeRunner.Default()).Kernel;
        var lines = output.ToString().Split('\n').Select(line => line.TrimEnd()).ToList();
        foreach (var row in InheritModes.All)
        {
            lines.Contains($"Fork inheritance on {row.Kernel.Title()}: {row.Description}")
                .Should().Be(row.Kernel == here, "observe prints {0} exactly when this kernel has it", row.Description);
        }
    }
}

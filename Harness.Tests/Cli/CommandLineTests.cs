using OolSpecs.Specs.Support;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Tests.Support;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    readonly string snapshots = Directory.CreateTempSubdirectory("oolspecs-cli-").FullName;
    readonly StringWriter output = new();
    readonly StringWriter errors = new();

    public void Dispose() => Directory.Delete(snapshots, recursive: true);

    int Run(params string[] arguments) => Run(ProbeRunner.Default, arguments);

    int Run(Func<ProbeRunner> probe, params string[] arguments) =>
        new CommandLine(output, errors, probe, () => snapshots).Run(arguments);

    /// <summary>A probe that must never be asked for: help and bad input are answered without it.</summary>
    static ProbeRunner NoProbe() => throw new InvalidOperationException("the probe was started");

    [Fact]
    public void No_command_exits_2_naming_the_commands()
    {
        Run(NoProbe).Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("no command given").And.Contain("observe, accept, bench, platform").And.Contain("oolspecs --help");
    }

    [Theory]
    [InlineData("approve", "unknown command 'approve'")]
    [InlineData("--verbose", "unknown option '--verbose'")]
    public void An_unknown_command_or_option_is_named(string argument, string expected)
    {
        Run(NoProbe, argument).Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain(expected).And.Contain("oolspecs --help");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("observe", "--help")]
    [InlineData("accept", "--help")]
    [InlineData("accept", "ForkCopyOnWrite", "--help")]
    [InlineData("bench", "--help")]
    [InlineData("platform", "--help")]
    public void Every_command_takes_help_exits_0_and_starts_no_probe(params string[] arguments)
    {
        Run(NoProbe, arguments).Should().Be(ExitCode.Done, errors.ToString());
        output.ToString().Should().Contain("Usage:").And.Contain("oolspecs");
        errors.ToString().Should().BeEmpty();
    }

    [Fact]
    public void Accept_help_is_help_not_a_family_filter()
    {
        Run(NoProbe, "accept", "--help").Should().Be(ExitCode.Done);
        output.ToString().Should().Contain("family[/case]").And.NotContain("Nothing to accept");
    }

    [Fact]
    public void An_unknown_scenario_is_named_with_the_known_ones()
    {
        Run(NoProbe, "observe", "fork").Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("unknown scenario 'fork'").And.Contain("fork-cow");
        output.ToString().Should().BeEmpty();
    }

    [Fact]
    public void An_option_observe_does_not_have_is_named_not_taken_for_a_scenario()
    {
        Run(NoProbe, "observe", "--tables").Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("unknown option '--tables'").And.Contain("oolspecs observe --help");
    }

    [SkippableFact]
    public void A_scenario_this_kernel_cannot_run_exits_3_naming_the_kernel_it_needs()
    {
        Lab.NeedsNativePlatform();
        Skip.If(OperatingSystem.IsMacOS(), "every scenario runs on XNU");

        Run("observe", "ool-cases").Should().Be(ExitCode.NeedsAnotherKernel);
        errors.ToString().Should().Contain("scenario 'ool-cases' needs XNU").And.Contain("linux-").And.Contain("a Mac");
    }

    [SkippableFact]
    public void Observe_markdown_without_names_prints_the_snapshot_of_every_scenario_this_kernel_runs()
    {
        Lab.NeedsNativePlatform();
        Run("observe", "--markdown").Should().Be(ExitCode.Done, errors.ToString());
        output.ToString().Should().StartWith("<!-- observed on ").And.Contain("# Fork copy-on-write").And.Contain("## 6. parent-after-write (parent)");
        if (PlatformDetector.Detect(ProbeRunner.Default()).Kernel == Kernel.Xnu)
        {
            output.ToString().Should().Contain("# OOL transfer: ", "XNU runs the OOL transfers too");
        }
        else
        {
            output.ToString().Should().NotContain("# OOL transfer", "Linux has no Mach messages");
        }
    }

    [Fact]
    public void A_probe_setting_that_names_another_program_is_bad_input_saying_so()
    {
        using var other = new StandInProgram("other", "usage: other [-a] [file ...]", exitCode: 0);

        Run(() => new ProbeRunner(ProbeLocator.Locate(other.Path), ProbeRunner.DefaultTimeout), "platform").Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain($"OOLSPECS_PROBE={other.Path}").And.Contain("not an oolprobe").And.Contain("unset it");
    }

    [SkippableFact]
    public void Platform_prints_the_release_directory_and_arch()
    {
        Lab.NeedsNativePlatform();
        Run("platform").Should().Be(ExitCode.Done, errors.ToString());
        var platform = PlatformDetector.Detect(ProbeRunner.Default());
        output.ToString().Should().Be($"{platform.ReleaseDirectory} {platform.Arch}\n");
    }

    [SkippableFact]
    public void Accept_with_nothing_pending_says_so()
    {
        Lab.NeedsNativePlatform();
        Run("accept").Should().Be(ExitCode.Done, errors.ToString());
        output.ToString().Should().Contain("Nothing to accept");
    }

    [SkippableFact]
    public void Accept_moves_a_received_file_of_this_release_to_approved()
    {
        Lab.NeedsNativePlatform();
        var platform = PlatformDetector.Detect(ProbeRunner.Default());
        var family = Path.Combine(snapshots, platform.ReleaseDirectory, platform.Arch, "ForkCopyOnWrite");
        Directory.CreateDirectory(family);
        File.WriteAllText(Path.Combine(family, "fork-cow.received.md"), "# observed\n");

        Run("accept", "ForkCopyOnWrite/fork-cow").Should().Be(ExitCode.Done, errors.ToString());

        output.ToString().Should().Contain("approved ForkCopyOnWrite/fork-cow");
        File.ReadAllText(Path.Combine(family, "fork-cow.approved.md")).Should().Be("# observed\n");
        File.Exists(Path.Combine(family, "fork-cow.received.md")).Should().BeFalse();
    }

    [Theory]
    [InlineData("ForkCopyOnWrite/fork-cow/extra")]
    [InlineData("/fork-cow")]
    [InlineData("ForkCopyOnWrite/")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("ForkCopyOnWrite/..")]
    public void Accept_rejects_a_filter_that_is_not_family_or_family_slash_case_with_exit_2(string filter)
    {
        Run(NoProbe, "accept", filter).Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain($"'{filter}' is not family or family/case").And.Contain("ForkCopyOnWrite/fork-cow");
    }

    [Theory]
    [InlineData("ForkCopyOnWirte", "no scenario has the family 'ForkCopyOnWirte'")]
    [InlineData("ForkCopyOnWrite/fork-cwo", "no scenario of ForkCopyOnWrite has the case 'fork-cwo'")]
    public void Accept_refuses_a_family_or_case_no_scenario_has_instead_of_approving_nothing(string filter, string why)
    {
        Run(NoProbe, "accept", filter).Should().Be(ExitCode.BadInput);
        Run(NoProbe, "accept", filter, "--from", snapshots).Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain(why).And.Contain("ForkCopyOnWrite").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("ForkCopyOnWrite")]
    [InlineData("ForkCopyOnWrite/fork-cow")]
    [InlineData("ForkCopyOnWrite/fork-cow-without-frames")]
    [InlineData("ForkInheritance/private")]
    public void Accept_takes_a_family_or_case_a_scenario_has(string filter)
    {
        AcceptCommand.Filter.Parse(filter).Family.Should().Be(filter.Split('/')[0]);
    }

    [Fact]
    public void A_second_filter_is_refused_naming_it()
    {
        Run(NoProbe, "accept", "ForkCopyOnWrite", "OolTransfer").Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("'OolTransfer'").And.Contain("oolspecs accept --help");
    }
}

using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    readonly string snapshots = Directory.CreateTempSubdirectory("oolspecs-cli-").FullName;
    readonly StringWriter output = new();
    readonly StringWriter errors = new();

    public void Dispose() => Directory.Delete(snapshots, recursive: true);

    int Run(params string[] arguments) =>
        new CommandLine(output, errors, ProbeRunner.Default, () => snapshots).Run(arguments);

    [Fact]
    public void No_command_exits_2_with_the_usage()
    {
        Run().Should().Be(2);
        errors.ToString().Should().Contain("no command given").And.Contain("usage: oolspecs observe");
    }

    [Fact]
    public void An_unknown_command_is_named()
    {
        Run("approve").Should().Be(2);
        errors.ToString().Should().Contain("unknown command 'approve'");
    }

    [Fact]
    public void An_unknown_scenario_is_named_with_the_known_ones()
    {
        Run("observe", "fork").Should().Be(2);
        errors.ToString().Should().Contain("unknown scenario 'fork'").And.Contain("fork-cow");
        output.ToString().Should().BeEmpty();
    }

    [SkippableFact]
    public void A_scenario_this_kernel_cannot_run_is_refused_naming_the_kernel_it_needs()
    {
        Skip.If(OperatingSystem.IsMacOS(), "every scenario runs on XNU");

        Run("observe", "ool-cases").Should().Be(2);
        errors.ToString().Should().Contain("scenario 'ool-cases' needs Xnu").And.Contain("linux-");
    }

    [Fact]
    public void Observe_without_names_prints_every_scenario_this_kernel_runs()
    {
        Run("observe").Should().Be(0, errors.ToString());
        output.ToString().Should().StartWith("<!-- observed on ").And.Contain("# Fork copy-on-write");
        if (!OperatingSystem.IsMacOS())
        {
            output.ToString().Should().NotContain("# OOL transfer", "Linux has no Mach messages");
        }
    }

    [Fact]
    public void Observe_prints_the_fork_table_of_this_kernel()
    {
        Run("observe", "fork-cow").Should().Be(0, errors.ToString());
        output.ToString().Should().Contain("# Fork copy-on-write").And.Contain("## 6. parent-after-write (parent)");
    }

    [Fact]
    public void Accept_with_nothing_pending_says_so()
    {
        Run("accept").Should().Be(0, errors.ToString());
        output.ToString().Should().Contain("Nothing to accept");
    }

    [Fact]
    public void Accept_moves_a_received_file_of_this_release_to_approved()
    {
        var platform = OolSpecs.Harness.Platforms.PlatformDetector.Detect(ProbeRunner.Default());
        var family = Path.Combine(snapshots, platform.ReleaseDirectory, platform.Arch, "ForkCopyOnWrite");
        Directory.CreateDirectory(family);
        File.WriteAllText(Path.Combine(family, "fork-cow.received.md"), "# observed\n");

        Run("accept", "ForkCopyOnWrite/fork-cow").Should().Be(0, errors.ToString());

        output.ToString().Should().Contain("approved ForkCopyOnWrite/fork-cow");
        File.ReadAllText(Path.Combine(family, "fork-cow.approved.md")).Should().Be("# observed\n");
        File.Exists(Path.Combine(family, "fork-cow.received.md")).Should().BeFalse();
    }

    [Theory]
    [InlineData("ForkCopyOnWrite/fork-cow/extra")]
    [InlineData("/fork-cow")]
    public void Accept_rejects_a_filter_that_is_not_family_or_family_slash_case(string filter)
    {
        Run("accept", filter).Should().Be(2);
        errors.ToString().Should().Contain($"'{filter}' is not family or family/case");
    }
}

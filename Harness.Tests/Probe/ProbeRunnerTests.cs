using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Tests.Probe;

public sealed class ProbeRunnerTests
{
    static ProbeRunner Shell(TimeSpan timeout) => new("/bin/sh", timeout, ["-c"]);

    /// <summary>Settings as a test gives them: only the timeout is set; the probe is the built one.</summary>
    static Func<string, string?> TimeoutSetTo(string value) => name => name == ProbeTimeoutSetting.EnvironmentVariable ? value : null;

    [Fact]
    public void A_successful_run_returns_stdout()
    {
        Shell(TimeSpan.FromSeconds(30)).Run("printf '{\"ok\":1}'").Should().Be("{\"ok\":1}");
    }

    [Fact]
    public void A_failing_run_carries_its_exit_code_and_stderr_into_the_exception()
    {
        var act = () => Shell(TimeSpan.FromSeconds(30)).Run("echo 'vm_allocate: (os/kern) no space available' >&2; exit 1");

        var failure = act.Should().Throw<ProbeFailedException>().Which;
        failure.ExitCode.Should().Be(1);
        failure.Message.Should().Contain("a kernel call failed").And.Contain("vm_allocate: (os/kern) no space available");
    }

    [Fact]
    public void A_missing_executable_says_how_to_build_it()
    {
        var act = () => new ProbeRunner("/nonexistent/oolprobe", TimeSpan.FromSeconds(5)).Run("platform");

        act.Should().Throw<ProbeException>().WithMessage("*could not be started*dotnet build*");
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("86401")]
    [InlineData("1e300")]
    [InlineData("ten")]
    [InlineData("30s")]
    public void A_timeout_setting_out_of_range_or_not_a_number_is_refused_naming_it_and_the_range(string value)
    {
        var act = () => ProbeRunner.Default(TimeoutSetTo(value));

        act.Should().Throw<ProbeSettingException>().WithMessage($"OOLSPECS_PROBE_TIMEOUT='{value}'*from 1 to 86400*");
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("-1")]
    [InlineData("1e300")]
    public void A_bad_timeout_setting_is_exit_2_from_the_command_line_without_a_stack_trace(string value)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        var code = new CommandLine(output, errors, () => ProbeRunner.Default(TimeoutSetTo(value)), () => "/nonexistent").Run(["platform"]);

        code.Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("OOLSPECS_PROBE_TIMEOUT").And.Contain("from 1 to 86400").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("300", 300)]
    [InlineData("1.5", 1.5)]
    [InlineData("", 120)]
    public void A_timeout_setting_in_range_is_the_limit(string value, double seconds)
    {
        ProbeRunner.Default(TimeoutSetTo(value)).Timeout.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void The_built_probe_rejects_a_bad_argument_with_exit_2_naming_it()
    {
        var act = () => ProbeRunner.Default().Run("fork-cow", "--pages", "0");

        var failure = act.Should().Throw<ProbeFailedException>().Which;
        failure.ExitCode.Should().Be(2);
        failure.Stderr.Should().Contain("--pages").And.Contain("out of range");
        failure.Stderr.TrimEnd().Split('\n').Should().ContainSingle("the probe says what is wrong in one line");
    }

    [Fact]
    public void The_built_probe_rejects_an_unknown_subcommand_listing_the_known_ones()
    {
        var act = () => ProbeRunner.Default().Run("fork");

        var failure = act.Should().Throw<ProbeFailedException>().Which;
        failure.ExitCode.Should().Be(2);
        failure.Stderr.Should().Contain("unknown subcommand \"fork\"").And.Contain("fork-cow");
    }
}

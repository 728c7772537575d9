using System.Globalization;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Tests.Probe;

public sealed class ProbeRunnerTests
{
    static ProbeRunner Shell(TimeSpan timeout) => new("/bin/sh", timeout, ["-c"]);

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
    public void A_run_past_its_time_limit_is_killed_with_every_process_it_started()
    {
        // The shell starts a grandchild that would block forever, prints its pid, then blocks too.
        var act = () => Shell(TimeSpan.FromSeconds(0.5)).Run("tail -f /dev/null & echo $!; tail -f /dev/null");

        var timeout = act.Should().Throw<ProbeTimeoutException>().Which;
        timeout.Message.Should().Contain("whole process tree was killed");
        var grandchild = int.Parse(timeout.Stdout.Trim(), CultureInfo.InvariantCulture);
        IsRunning(grandchild).Should().BeFalse("the grandchild {0} must not outlive the run", grandchild);
    }

    [Fact]
    public void A_missing_executable_says_how_to_build_it()
    {
        var act = () => new ProbeRunner("/nonexistent/oolprobe", TimeSpan.FromSeconds(5)).Run("platform");

        act.Should().Throw<ProbeException>().WithMessage("*could not be started*dotnet build*");
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

    static bool IsRunning(int pid)
    {
        // A killed orphan may linger as a zombie where pid 1 does not reap; it no longer runs.
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        var text = File.ReadAllText(stat);
        var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state != "Z" && state != "X";
    }
}

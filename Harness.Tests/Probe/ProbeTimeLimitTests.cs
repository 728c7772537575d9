using System.Diagnostics;
using System.Globalization;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Tests.Support;

namespace OolSpecs.Harness.Tests.Probe;

/// <summary>
/// A probe run's time limit ends the whole run, whatever its children do. These tests wait out
/// their limits, so each is a class of its own: xunit runs classes side by side, and the waits
/// overlap each other and the rest of the suite.
/// </summary>
[WaitsOutATimeLimit]
public sealed class ProbeTimeLimitTests
{
    static ProbeRunner Shell(TimeSpan timeout) => new("/bin/sh", timeout, ["-c"]);

    [Fact]
    public void A_run_past_its_time_limit_is_killed_with_every_process_it_started()
    {
        // The shell starts a grandchild that would block for 10 minutes, away from the pipes (so
        // only a kill ends it, not the end of the output), prints its pid, then blocks too.
        var act = () => Shell(TimeSpan.FromSeconds(0.5)).Run("sleep 600 >/dev/null 2>&1 & echo $!; exec sleep 600");

        var timeout = act.Should().Throw<ProbeTimeoutException>().Which;
        timeout.Message.Should().Contain("whole process group was killed");
        var grandchild = int.Parse(timeout.Stdout.Trim(), CultureInfo.InvariantCulture);
        ProcessState.EndsWithin(grandchild, TimeSpan.FromSeconds(10)).Should().BeTrue("the grandchild {0} must not outlive the run", grandchild);
    }
}

/// <summary>
/// A stand-in probe leaves a child behind that holds stdout for 60 s. Whether the probe then exits
/// or hangs, the run ends at its limit and the child goes with it. Each waits out its limit, so
/// each way is a class of its own, and the two waits overlap each other as well as the suite.
/// </summary>
[WaitsOutATimeLimit]
public abstract class AChildHoldingTheOutputOpen(string thenTheProbe)
{
    [Fact]
    public void Cannot_stretch_the_time_limit()
    {
        using var probe = new StandInProbe($"sleep 60 &\necho $!\n{thenTheProbe}\n");
        var limit = TimeSpan.FromSeconds(1);
        var clock = Stopwatch.StartNew();

        var act = () => probe.Runner(limit).Run();

        var timeout = act.Should().Throw<ProbeTimeoutException>().Which;
        clock.Elapsed.Should().BeLessThan(limit + TimeSpan.FromSeconds(5), "the limit covers the output's end, and the kill ends its holder");
        var child = int.Parse(timeout.Stdout.Trim(), CultureInfo.InvariantCulture);
        ProcessState.EndsWithin(child, TimeSpan.FromSeconds(10)).Should().BeTrue("the child {0} is in the run's process group", child);
    }
}

public sealed class AChildHoldingTheOutputOpenOfAProbeThatExited() : AChildHoldingTheOutputOpen("exit 0");

public sealed class AChildHoldingTheOutputOpenOfAProbeThatHangs() : AChildHoldingTheOutputOpen("sleep 60");

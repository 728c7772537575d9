using OolSpecs.Specs.Support;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// Frame access as this process has it: `dotnet test` runs as root, as root without
/// CAP_SYS_ADMIN and as a user who is not root (.ci/run does all three), and each is told the truth.
/// </summary>
public sealed class CapSysAdminTests
{
    [SkippableFact]
    public void This_process_holds_the_capability_exactly_when_the_probe_it_starts_reads_frames()
    {
        Lab.NeedsNativePlatform();
        var probe = ProbeRunner.Default();
        var run = new ForkCowScenario().Observe(probe);

        if (PlatformDetector.Detect(probe).Kernel == Kernel.Xnu)
        {
            CapSysAdmin.HeldHere.Should().BeFalse("CAP_SYS_ADMIN is Linux's");
            run.Frames.Should().BeNull("XNU reports regions, not frames");
            return;
        }

        run.FramesKnown.Should().Be(CapSysAdmin.HeldHere, "the probe says: {0}", run.Frames?.Reason ?? "frames read");
    }

    [Fact]
    public void Why_frames_are_missing_names_the_capability_and_never_tells_root_to_run_as_root()
    {
        if (!OperatingSystem.IsLinux())
        {
            // CAP_SYS_ADMIN, /proc/self/status and frames are Linux's: elsewhere the capability is
            // never held and is not looked for, root or not (/proc is not there to read).
            CapSysAdmin.HeldHere.Should().BeFalse("frames are Linux's; XNU reports regions");
            return;
        }

        var why = CapSysAdmin.MissingHere;

        why.Should().Contain("CAP_SYS_ADMIN").And.Contain("/proc/kpagecount").And.Contain("pagemap");
        if (CapSysAdmin.HeldHere)
        {
            why.Should().Contain("on purpose", "a process that holds it only misses frames where it dropped the capability for a run");
        }
        else if (Environment.IsPrivilegedProcess)
        {
            why.Should().NotContain("run as root").And.Contain("--cap-add SYS_ADMIN", "root lacks the capability, as in a default container");
        }
        else
        {
            why.Should().Contain("run as root");
        }
    }
}

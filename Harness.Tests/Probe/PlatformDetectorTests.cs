using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Tests.Probe;

public sealed class PlatformDetectorTests
{
    [Theory]
    [InlineData("macos", "15.1.1", "arm64", false, "macos-15.1 arm64")]
    [InlineData("macos", "14.7", "x86_64", false, "macos-14.7 x86_64")]
    [InlineData("macos", "26.0", "x86_64", true, "macos-26.0 x86_64-rosetta")]
    [InlineData("macos", "16", "arm64", false, "macos-16.0 arm64")]
    [InlineData("linux", "6.18.44-fc-v782", "x86_64", false, "linux-6.18 x86_64")]
    [InlineData("linux", "6.1.0-27-arm64", "aarch64", false, "linux-6.1 arm64")]
    public void The_probe_facts_name_the_snapshot_directory(string os, string release, string machine, bool translated, string expected)
    {
        PlatformDetector.FromFacts(new PlatformFacts(os, release, machine, translated, 4096)).ToString().Should().Be(expected);
    }

    [Fact]
    public void An_unknown_os_is_refused()
    {
        var act = () => PlatformDetector.FromFacts(new PlatformFacts("freebsd", "14.1", "amd64", false, 4096));

        act.Should().Throw<ProbeException>().WithMessage("*freebsd*macos and linux*");
    }

    [Fact]
    public void This_machine_is_detected_through_the_built_probe()
    {
        var platform = PlatformDetector.Detect(ProbeRunner.Default());

        platform.Os.Should().Be(OperatingSystem.IsMacOS() ? "macos" : "linux");
        platform.Release.Major.Should().BePositive();
    }
}

using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Tests.Support;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.Probe;

public sealed class PlatformDetectorTests
{
    /// <summary>What a Rosetta-translated probe on an Apple-silicon Mac reports (made up: there is no Mac here).</summary>
    const string TranslatedFacts =
        """{"os":"macos","release":"26.0","kernel_release":"25.0.0","machine":"x86_64","translated":true,"page_size":4096}""";

    static PlatformFacts Facts(string os, string release, string kernelRelease, string machine, bool translated = false) =>
        new(os, release, kernelRelease, machine, translated, 4096);

    [Theory]
    [InlineData("macos", "15.1.1", "24.1.0", "arm64", "macos-15.1 arm64")]
    [InlineData("macos", "14.7", "23.6.0", "x86_64", "macos-14.7 x86_64")]
    [InlineData("macos", "26", "25.0.0", "arm64", "macos-26.0 arm64")]
    [InlineData("linux", "6.18.44-fc-v782", "6.18.44-fc-v782", "x86_64", "linux-6.18 x86_64")]
    [InlineData("linux", "6.1.0-27-arm64", "6.1.0-27-arm64", "aarch64", "linux-6.1 arm64")]
    public void The_probe_facts_name_the_snapshot_directory(string os, string release, string kernelRelease, string machine, string expected)
    {
        PlatformDetector.FromFacts(Facts(os, release, kernelRelease, machine)).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("14.7", "23.6.0", "14.7")] // the product minor is the precise one: 14.7 kept Darwin 23.6
    [InlineData("15.5", "24.5.0", "15.5")]
    [InlineData("11.0.1", "20.1.0", "11.0")]
    [InlineData("26.0", "25.0.0", "26.0")]
    [InlineData("16.0", "25.0.0", "26.0")] // a probe built against an older SDK, on macOS 26
    [InlineData("16.0", "25.1.0", "26.1")]
    [InlineData("26.1", "25.1.0", "26.1")]
    [InlineData("27.0", "26.0.0", "27.0")] // year numbering: product major = Darwin major + 1
    public void The_macos_release_is_the_kernels_whatever_sdk_built_the_probe(string product, string darwin, string expected)
    {
        MacOsRelease.From(product, darwin).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("15.5", "25.0.0")]
    [InlineData("26.0", "24.6.0")]
    [InlineData("16.0", "24.6.0")] // the 16.x shim exists only since macOS 26
    [InlineData("10.16", "24.6.0")]
    [InlineData("10.15.7", "19.6.0")] // a Darwin OolSpecs does not know
    [InlineData("26.0", "kernel")]
    [InlineData("", "25.0.0")]
    public void An_impossible_product_and_darwin_pair_is_refused_naming_both(string product, string darwin)
    {
        var act = () => PlatformDetector.FromFacts(Facts("macos", product, darwin, "arm64"));

        act.Should().Throw<ProbeException>()
            .WithMessage($"*'{product}' (kern.osproductversion)*'{darwin}' (kern.osrelease)*");
    }

    [Fact]
    public void An_unknown_os_is_refused()
    {
        var act = () => PlatformDetector.FromFacts(Facts("freebsd", "14.1", "14.1", "amd64"));

        act.Should().Throw<ProbeException>().WithMessage("*freebsd*macos and linux*");
    }

    [Fact]
    public void A_translated_run_is_refused_with_the_dotnet_to_run_instead()
    {
        var act = () => PlatformDetector.FromFacts(Facts("macos", "26.0", "25.0.0", "x86_64", translated: true));

        act.Should().Throw<TranslatedProcessException>().WithMessage("*Rosetta*Run the arm64 .NET*osx-arm64*");
    }

    [Theory]
    [InlineData("platform")]
    [InlineData("observe")]
    [InlineData("observe", "fork-cow", "--markdown")]
    public void A_translated_run_exits_3_with_the_fix_and_files_nothing(params string[] arguments)
    {
        using var probe = StandInProbe.Reporting(TranslatedFacts);
        var snapshots = Directory.CreateTempSubdirectory("oolspecs-translated-").FullName;
        var (output, errors) = (new StringWriter(), new StringWriter());
        try
        {
            new CommandLine(output, errors, () => probe.Runner(TimeSpan.FromSeconds(30)), () => snapshots).Run(arguments)
                .Should().Be(ExitCode.NeedsAnotherKernel, errors.ToString());

            errors.ToString().Should().Contain("Run the arm64 .NET").And.NotContain("   at ");
            output.ToString().Should().BeEmpty();
            Directory.EnumerateFileSystemEntries(snapshots, "*", SearchOption.AllDirectories).Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(snapshots, recursive: true);
        }
    }

    [Fact]
    public void A_translated_run_skips_every_spec_that_needs_the_platform_with_the_fix()
    {
        using var probe = StandInProbe.Reporting(TranslatedFacts);

        var act = () => Lab.Detect(probe.Runner(TimeSpan.FromSeconds(30)));

        act.Should().Throw<SkipException>().WithMessage("*Run the arm64 .NET*");
    }

    [SkippableFact]
    public void This_machine_is_detected_through_the_built_probe()
    {
        Lab.NeedsNativePlatform();
        var platform = PlatformDetector.Detect(ProbeRunner.Default());

        platform.Os.Should().Be(OperatingSystem.IsMacOS() ? "macos" : "linux");
        platform.Release.Major.Should().BePositive();
    }
}

using System.Xml.Linq;
using OolSpecs.SkipSummary;

namespace OolSpecs.Harness.Tests.SkipSummary;

/// <summary>Plain `dotnet test` says why specs were skipped, once per reason, with no duplicate lines.</summary>
public sealed class SkipSummaryTests
{
    [Fact]
    public void Skips_are_summed_up_per_assembly_and_reason_in_the_order_the_reasons_came()
    {
        var reasons = new SkipReasons();
        reasons.Add("Needs XNU (macOS).", "/x/bin/Specs.dll");
        reasons.Add("No snapshot is approved yet.", "/x/bin/Specs.dll");
        reasons.Add("Needs XNU (macOS).", "/x/bin/Specs.dll");
        reasons.Add(null, "/x/bin/Harness.Tests.dll");

        reasons.Render().Should().Be(
            "  Skipped in Specs.dll, by reason (3 in all):\n" +
            "     2 × Needs XNU (macOS).\n" +
            "     1 × No snapshot is approved yet.\n" +
            "  Skipped in Harness.Tests.dll, by reason (1 in all):\n" +
            "     1 × (no reason given)\n");
    }

    [Fact]
    public void Nothing_skipped_prints_nothing() => new SkipReasons().Render().Should().BeEmpty();

    [Fact]
    public void The_run_settings_every_dotnet_test_uses_enable_this_logger_and_silence_xunits_duplicate_skip_lines()
    {
        var settings = XDocument.Load(RepositoryRoot.Combine("oolspecs.runsettings"));

        settings.Descendants("xUnit").Elements("ReporterSwitch").Single().Value.Should().Be("silent");
        settings.Descendants("Logger").Select(l => (string?)l.Attribute("friendlyName")).Should().Contain(SkipSummaryLogger.FriendlyName);
        File.ReadAllText(RepositoryRoot.Combine("Directory.Build.props")).Should().Contain("<RunSettingsFilePath>$(MSBuildThisFileDirectory)oolspecs.runsettings</RunSettingsFilePath>");
    }
}

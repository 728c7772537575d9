using OolSpecs.Specs.Support;
using System.Text.Json;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Tests.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Cli;

/// <summary>`observe` for people (tables), for the specs' eyes (--markdown) and for machines (--json).</summary>
public sealed class ObserveTests
{
    readonly StringWriter output = new();
    readonly StringWriter errors = new();

    int Run(bool interactive, params string[] arguments) =>
        new CommandLine(output, errors, ProbeRunner.Default, () => "/nonexistent", interactive).Run(["observe", .. arguments]);

    [SkippableFact]
    public void By_default_the_fork_walk_is_an_aligned_table_with_one_row_per_step_and_off_a_terminal_no_progress()
    {
        Lab.NeedsNativePlatform();
        Run(false, "fork-cow").Should().Be(ExitCode.Done, errors.ToString());

        var text = output.ToString();
        text.Should().StartWith("Observed on ").And.Contain("Fork copy-on-write (").And.NotContain("| --- |", "tables are drawn, not Markdown");
        var rows = text.Split('\n').Where(l => l.StartsWith('│')).ToList();
        rows.Should().HaveCount(14, "two walks (one page, and four the child writes in part), each a header and six steps");
        rows.Take(7).Select(r => r.IndexOf('│', 1)).Distinct().Should().ContainSingle("the columns line up");
        rows[1].Should().Contain("1. after-map");
        rows[6].Should().Contain("6. parent-after-write");
        rows[11].Should().Contain("4. child-after-write");
        text.Should().NotContain("observing").And.NotContain("\u001b[", "no progress line and no escape sequences in a file or pipe");
        if (PlatformDetector.Detect(ProbeRunner.Default()).Kernel == Kernel.Xnu)
        {
            XnuColumns(rows);
        }
        else
        {
            LinuxColumns(text, rows);
        }
    }

    /// <summary>The article's columns, one region a row: a share mode XNU names, and counts.</summary>
    static void XnuColumns(IReadOnlyList<string> rows)
    {
        Cells(rows[0]).Should().Equal(["step", "actor", .. ForkReports.XnuHeaders]);
        foreach (var row in rows.Where((_, i) => i % 7 != 0).Select(Cells))
        {
            row.Should().HaveCount(2 + ForkReports.XnuHeaders.Count);
            Enum.GetNames<XnuShareMode>().Should().Contain(row[2], "share_mode is a mode XNU defines");
            row.Skip(3).Should().OnlyContain(cell => cell.All(char.IsAsciiDigit) && cell.Length > 0, "ref_count and pages_resident are counts");
        }
    }

    /// <summary>Linux's columns, one value per page; frames and map counts only where this process may read them.</summary>
    static void LinuxColumns(string text, IReadOnlyList<string> rows)
    {
        Cells(rows[0]).Should().Equal(["step", "actor", .. ForkReports.LinuxHeaders]);
        var childWrote = Cells(rows[11]);
        childWrote[2].Should().Be("yes, yes, yes, yes", "one value per page");
        childWrote[5].Should().Be("yes, no, no, no", "only the page the child wrote is its own");
        if (CapSysAdmin.HeldHere)
        {
            childWrote[4].Should().Be("1, 2, 2, 2", "the pages the child did not write stay mapped twice");
            text.Should().NotContain("CAP_SYS_ADMIN");
        }
        else
        {
            childWrote[3].Should().Be("unknown, unknown, unknown, unknown", "frames this process cannot read are never invented");
            childWrote[4].Should().Be("unknown, unknown, unknown, unknown");
            text.Should().Contain("need CAP_SYS_ADMIN", "the caption names what frames need")
                .And.Contain(Environment.IsPrivilegedProcess ? "this root process lacks" : "run as root", "and what to do, which for root is not to become root");
        }
    }

    static List<string> Cells(string row) => [.. row.Split('│')[1..^1].Select(cell => cell.Trim())];

    [SkippableFact]
    public void Json_is_one_valid_document_of_the_raw_observations_per_scenario()
    {
        Lab.NeedsNativePlatform();
        Run(false, "--json").Should().Be(ExitCode.Done, errors.ToString());

        using var document = JsonDocument.Parse(output.ToString());
        var platform = PlatformDetector.Detect(ProbeRunner.Default());
        document.RootElement.GetProperty("platform").GetProperty("directory").GetString().Should().Be(platform.ReleaseDirectory);
        var fork = document.RootElement.GetProperty("observations").EnumerateArray().First(o => o.GetProperty("observe").GetString() == "fork-cow");
        fork.GetProperty("family").GetString().Should().Be("ForkCopyOnWrite");
        var observation = fork.GetProperty("observation");
        observation.GetProperty("kernel").GetString().Should().Be(platform.Kernel == Words.Kernel.Xnu ? "xnu" : "linux");
        observation.GetProperty("steps").GetArrayLength().Should().Be(6);
        observation.GetProperty("buffer").GetUInt64().Should().BeGreaterThan(0, "raw addresses, not the snapshot's page offsets");
        observation.TryGetProperty("frames_known", out _).Should().BeFalse("members computed from the facts are left out");
    }

    [Fact]
    public void An_XNU_transfer_becomes_json_of_the_probes_facts()
    {
        var scenario = ArticleCase.Numbered(3).AsTheArticleRanIt.Scenario;
        var run = MadeUpRuns.Transfer(16 * MadeUpRuns.PageSize, receivedResident: 1);
        var observation = new Observation(scenario, run, scenario.Render(run), scenario.Key);

        using var document = JsonDocument.Parse(ObservationJson.Serialize(new Platform("macos", new ReleaseVersion(26, 0), "arm64"), [("ool-cases", observation)]));

        var json = document.RootElement.GetProperty("observations")[0].GetProperty("observation");
        json.GetProperty("kernel").GetString().Should().Be("xnu");
        json.GetProperty("copy").GetString().Should().Be("virtual");
        var descriptor = json.GetProperty("receiver").GetProperty("messages")[0].GetProperty("descriptor");
        descriptor.GetProperty("raw_copy").GetInt32().Should().Be(1);
        descriptor.TryGetProperty("copy", out _).Should().BeFalse("the descriptor's copy is computed from raw_copy");
        json.TryGetProperty("data_pages", out _).Should().BeFalse();
    }

    [Fact]
    public void Markdown_and_json_together_are_bad_input()
    {
        Run(false, "--markdown", "--json").Should().Be(ExitCode.BadInput);
        errors.ToString().Should().Contain("--markdown and --json");
        output.ToString().Should().BeEmpty();
    }

    [SkippableFact]
    public void On_Linux_the_scenarios_of_another_kernel_are_named_as_not_run()
    {
        Lab.NeedsNativePlatform();
        Skip.If(OperatingSystem.IsMacOS(), "every scenario runs on XNU");

        Run(false).Should().Be(ExitCode.Done, errors.ToString());

        output.ToString().Should().Contain("Not run on this kernel: ool-cases");
    }
}

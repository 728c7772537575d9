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
        NotRunIsListedWithItsReason(document.RootElement, platform.Kernel);
    }

    /// <summary>
    /// What this kernel does not run is listed, not silently absent: on Linux the XNU groups whole
    /// and fork-inherit's XNU modes; on XNU only fork-inherit's Linux modes, as every OOL group runs.
    /// </summary>
    static void NotRunIsListedWithItsReason(JsonElement root, Kernel kernel)
    {
        var notRun = root.GetProperty("not_run").EnumerateArray()
            .Select(n => (Observe: n.GetProperty("observe").GetString(), Case: n.TryGetProperty("case", out var c) ? c.GetString() : null, Reason: n.GetProperty("reason").GetString()))
            .ToList();
        var other = kernel == Kernel.Xnu ? Kernel.Linux : Kernel.Xnu;
        var otherModes = InheritModes.All.Where(row => row.Kernel == other).Select(row => row.Word).ToList();
        notRun.Where(n => n.Observe == "fork-inherit").Select(n => n.Case).Should().BeEquivalentTo(otherModes, "fork-inherit's modes of the other kernel");
        notRun.Should().OnlyContain(n => n.Reason!.StartsWith($"needs {other.Title()}", StringComparison.Ordinal), "each says the kernel it needs");
        var observed = root.GetProperty("observations").EnumerateArray().Select(o => o.GetProperty("observe").GetString()).ToHashSet();
        if (kernel == Kernel.Xnu)
        {
            notRun.Should().OnlyContain(n => n.Case != null, "XNU runs every OOL group");
            observed.Should().Contain("ool-cases");
        }
        else
        {
            notRun.Should().ContainSingle(n => n.Observe == "ool-cases").Which.Case.Should().BeNull("the whole group needs XNU");
            observed.Should().NotContain("ool-cases");
        }
    }

    [Fact]
    public void An_XNU_transfer_becomes_json_of_the_probes_facts()
    {
        var scenario = ArticleCase.Numbered(3).AsTheArticleRanIt.Scenario;
        var run = MadeUpRuns.Transfer(16 * MadeUpRuns.PageSize, receivedResident: 1);
        var observation = new Observation(scenario, run, scenario.Render(run), scenario.Key);

        using var document = JsonDocument.Parse(ObservationJson.Serialize(new Platform("macos", new ReleaseVersion(26, 0), "arm64"), [("ool-cases", observation)], []));

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
    public void The_scenarios_of_another_kernel_are_named_as_not_run()
    {
        Lab.NeedsNativePlatform();
        Run(false).Should().Be(ExitCode.Done, errors.ToString());

        var notRun = output.ToString().Split('\n').Where(l => l.StartsWith("Not run on this kernel: ", StringComparison.Ordinal)).ToList();
        if (Lab.Kernel == Kernel.Xnu)
        {
            notRun.Should().ContainSingle().Which.Should().Contain("fork-inherit private").And.Contain("needs Linux").And.NotContain("ool-");
        }
        else
        {
            notRun.Should().ContainSingle().Which.Should().Contain("ool-cases").And.Contain("fork-inherit share").And.Contain("needs XNU, on a Mac");
        }
    }

    [SkippableFact]
    public void Piped_fork_inheritance_is_aligned_tables_and_no_sentence_is_broken()
    {
        Lab.NeedsNativePlatform();
        Run(false, "fork-inherit").Should().Be(ExitCode.Done, errors.ToString());

        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        output.ToString().Should().NotContain("| --- |", "the snapshot's Markdown tables are drawn").And.NotContain("\n## ");
        var modes = InheritModes.All.Where(row => row.Kernel == Lab.Kernel).ToList();
        lines.Where(l => l.StartsWith("`oolprobe fork-inherit --mode ", StringComparison.Ordinal)).Should().HaveCount(modes.Count)
            .And.OnlyContain(l => l.EndsWith("A process that does not map the buffer has no facts at that step.", StringComparison.Ordinal), "a paragraph is one line off a terminal");
        var summaries = lines.Select((line, i) => (line, i)).Where(l => l.line == "Summary").Select(l => TableAt(lines, l.i + 1)).ToList();
        summaries.Should().HaveCount(modes.Count, "one summary table a mode");
        foreach (var table in summaries)
        {
            table.Should().HaveCount(6, "a header and one row per step");
            table.Select(row => string.Concat(row.Select(c => c == '│' ? '│' : ' '))).Distinct().Should().ContainSingle("the columns line up");
            Cells(table[0]).Take(2).Should().Equal("step", "actor");
        }

        lines.Should().Contain(l => l.StartsWith("Not run on this kernel: fork-inherit ", StringComparison.Ordinal), "the modes of the other kernel are named");
    }

    /// <summary>The '│' rows of the table drawn from line <paramref name="start"/> on.</summary>
    static List<string> TableAt(IReadOnlyList<string> lines, int start) =>
        [.. lines.Skip(start).SkipWhile(l => !l.StartsWith('╭')).Skip(1).TakeWhile(l => !l.StartsWith('╰')).Where(l => l.StartsWith('│'))];
}

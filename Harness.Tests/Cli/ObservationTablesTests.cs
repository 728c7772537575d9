using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Cli.Tables;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Tests.Scenarios;
using OolSpecs.Harness.Tests.Support;
using OolSpecs.Harness.Words;
using Spectre.Console;

namespace OolSpecs.Harness.Tests.Cli;

/// <summary>The XNU tables drawn from made-up runs: there is no Mac here, so their shape is checked on data.</summary>
public sealed class ObservationTablesTests
{
    static string Draw(params Observation[] observations) => DrawAt(200, observations);

    /// <summary>Draws as `observe` does into a file or pipe, on a console <paramref name="width"/> columns wide.</summary>
    static string DrawAt(int width, params Observation[] observations)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        foreach (var renderable in ObservationTables.Draw(observations))
        {
            console.Write(renderable);
        }

        return writer.ToString();
    }

    static Observation Of(IScenario scenario, object value) => new(scenario, value, "# snapshot text\n", scenario.Key);

    /// <summary>The one table row (a line between '│' borders) that contains <paramref name="containing"/>.</summary>
    static string Row(string text, string containing) =>
        text.Split('\n').Single(l => l.StartsWith('│') && l.Contains(containing, StringComparison.Ordinal));

    [Fact]
    public void The_article_cases_are_one_table_with_one_row_per_case_named_as_the_article_names_it()
    {
        var one = ArticleCase.Numbered(1).AsTheArticleRanIt;
        var three = ArticleCase.Numbered(3).AsTheArticleRanIt;

        var text = Draw(
            Of(one.Scenario, MadeUpRuns.Transfer(MadeUpRuns.PageSize, receivedResident: 1, receiverTag: 0)),
            Of(three.Scenario, MadeUpRuns.Transfer(16 * MadeUpRuns.PageSize, receivedResident: 1)));

        text.Should().Contain("copy").And.Contain("pages_resident").And.Contain("ref_count").And.Contain("share_mode");
        Row(text, "1 VIRTUAL;PAGE;NO_FREE, purgeable").Should().Contain("VIRTUAL_COPY").And.Contain("0..1").And.Contain("SM_PRIVATE").And.Contain("kernel buffer at send");
        Row(text, "3 VIRTUAL;PAGEx16;NO_FREE, purgeable").Should().Contain("0..16").And.Contain(" 16 ").And.Contain("copied at send into a new object");
    }

    [Fact]
    public void The_threshold_sweep_says_the_largest_size_through_a_kernel_buffer()
    {
        var sweep = new OolThresholdSweep(
        [
            ThresholdPoint.Of(MadeUpRuns.Transfer(16384, receivedResident: 1, receiverTag: 0)),
            ThresholdPoint.Of(MadeUpRuns.Transfer(32768, receivedResident: 2, receiverTag: 0)),
            ThresholdPoint.Of(MadeUpRuns.Transfer(49152, receivedResident: 1, senderObject: 4, receiverObject: 4)),
        ]);

        var text = Draw(Of(new OolThresholdScenario(), sweep));

        Row(text, "32768").Should().Contain("kernel buffer at send");
        Row(text, "49152").Should().Contain("the sender's object, mapped");
        text.Should().Contain("Largest size copied through a kernel buffer: 32768 bytes.");
    }

    [Fact]
    public void The_footprint_is_a_fraction_of_the_payload_per_task_and_step()
    {
        const long Bytes = 64L * 1024 * 1024;
        var run = MadeUpRuns.Transfer(Bytes, receivedResident: 4096, footprintBefore: 0, footprintReceived: 0, footprintWritten: Bytes, fill: Fill.All);

        var text = Draw(Of(new OolFootprintScenario(Bytes), run));

        Row(text, "after-write").Should().Contain("receiver").And.Contain("1.0");
        Row(text, "│ received ").Should().Contain("0.0");
    }

    /// <summary>A family no drawer knows, as a new one would render: a heading, a long paragraph over two source lines, a table.</summary>
    const string NewFamilySnapshot =
        "# A new family on Linux\n\n" +
        "`oolprobe new-family --pages 2`: the parent maps two pages and forks, and the child looks at them; this sentence is long enough that a console\n" +
        "eighty columns wide would break it, and nothing here may: a file or a pipe keeps each paragraph on one line.\n\n" +
        "## Summary\n\n" +
        "| step | actor | map count | note |\n" +
        "| --- | --- | --- | --- |\n" +
        "| 1. parent-after-map | parent | 1, 1 | a\\|b |\n" +
        "| 2. child-after-fork | child | 12, 2 | - |\n";

    [Fact]
    public void A_family_no_drawer_knows_has_its_markdown_tables_aligned_and_its_paragraphs_unbroken_off_a_terminal()
    {
        var text = DrawAt(80, Of(new ScriptedScenario("new family"), "new family") with { Snapshot = NewFamilySnapshot });

        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        lines.Should().Contain("A new family on Linux", "a heading is a plain line, without its '#'").And.Contain("Summary");
        lines.Should().ContainSingle(l => l.StartsWith("`oolprobe new-family --pages 2`: the parent", StringComparison.Ordinal))
            .Which.Should().EndWith("keeps each paragraph on one line.", "a paragraph is one line, whatever the console's width");
        text.Should().NotContain("| --- |").And.NotContain("#");

        var rows = lines.Where(l => l.StartsWith('│')).ToList();
        rows.Should().HaveCount(3, "a header and two rows");
        rows.Select(Borders).Distinct().Should().ContainSingle("the columns line up");
        Cells(rows[1]).Should().Equal("1. parent-after-map", "parent", "1, 1", "a|b");
        rows[1].Should().Contain("   1, 1 │", "a column of numbers is right-aligned");
    }

    [Fact]
    public void On_a_terminal_a_paragraph_keeps_to_the_terminals_width()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = 80;
        foreach (var renderable in ObservationTables.Draw([Of(new ScriptedScenario("new family"), "new family") with { Snapshot = NewFamilySnapshot }]))
        {
            console.Write(renderable);
        }

        writer.ToString().Split('\n').Should().OnlyContain(l => l.TrimEnd().Length <= 80, "a person reading a terminal gets lines that fit it");
    }

    static string Borders(string row) => new([.. row.Select(c => c == '│' ? '│' : ' ')]);

    static List<string> Cells(string row) => [.. row.Split('│')[1..^1].Select(cell => cell.Trim())];
}

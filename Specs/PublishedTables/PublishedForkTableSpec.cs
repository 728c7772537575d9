using System.Globalization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.ForkCopyOnWrite;

namespace OolSpecs.Specs.PublishedTables;

/// <summary>
/// The XNU fork claims are checked against the article's own measurements: the published
/// table passes, and any single altered field is caught. This is how XNU expectations are
/// proven on a machine without XNU.
/// </summary>
public sealed class PublishedForkTableSpec
{
    const string TableFile = PublishedJudgements.ForkTableFile;
    static readonly string[] ClaimedFields = ["pages_resident", "ref_count", "share_mode"];

    [Fact]
    public void The_published_fork_table_satisfies_every_XNU_fork_claim() =>
        Violations(TsvTable.Load(TableFile)).Should().BeEmpty();

    [Fact]
    public void The_published_table_covers_every_step_in_order() =>
        TsvTable.Load(TableFile).Rows.Select(r => r["step"]).Should().Equal(ForkSteps.InOrder);

    [Theory]
    [MemberData(nameof(SingleFieldAlterations))]
    public void Any_single_altered_field_is_rejected(int row, string column, string value)
    {
        var altered = TsvTable.Load(TableFile).With(row, column, value);
        Violations(altered).Should().NotBeEmpty("row {0} with {1} = {2} departs from the article", row + 1, column, value);
    }

    public static TheoryData<int, string, string> SingleFieldAlterations()
    {
        var data = new TheoryData<int, string, string>();
        var table = TsvTable.Load(TableFile);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            foreach (var column in ClaimedFields)
            {
                foreach (var value in OtherValues(column, table.Rows[row][column]))
                {
                    data.Add(row, column, value);
                }
            }
        }

        return data;
    }

    static IEnumerable<string> OtherValues(string column, string published)
    {
        if (column == "share_mode")
        {
            return Enum.GetNames<XnuShareMode>().Where(name => name != published);
        }

        var n = long.Parse(published, CultureInfo.InvariantCulture);
        return new[] { n - 1, n + 1 }.Where(v => v >= 0).Select(v => v.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The one-page table judged by the same code that judges a live run.</summary>
    static IReadOnlyList<string> Violations(TsvTable table) =>
        PublishedJudgements.Fork(table).SelectMany(j => j.Verdict.Violations).ToList();
}

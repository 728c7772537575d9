using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Specs.PublishedTables;

namespace OolSpecs.Harness.Docs;

/// <summary>One row of an article table, filed under the case it measured.</summary>
public sealed record PublishedRow(SnapshotKey Key, string Label, IReadOnlyDictionary<string, string> Cells);

/// <summary>An article table of docs/reference: where its numbers come from, its columns, its rows by case.</summary>
public sealed record PublishedTable(string File, string Source, IReadOnlyList<string> Columns, IReadOnlyList<PublishedRow> Rows)
{
    /// <summary>The facts the article publishes for a VM region, the ones worth a column where its row is one case.</summary>
    public static readonly IReadOnlyList<string> RegionFacts = ["copy", "pages_resident", "ref_count", "share_mode"];

    /// <summary>The key values of one case's rows: a walk where it measured several steps, else its region facts.</summary>
    public KeyRows KeyRowsOf(IReadOnlyList<PublishedRow> rows)
    {
        if (rows.Count > 1)
        {
            var columns = Columns.Skip(1).ToList();
            return new KeyRows(columns, [.. rows.Select(r => (KeyRows.Label([r.Label]), (IReadOnlyList<string>)[.. columns.Select(c => r.Cells[c])]))], IsFacts: false);
        }

        var names = RegionFacts.Where(Columns.Contains).ToList();
        return new KeyRows(names, [("", [.. names.Select(n => rows[0].Cells[n])])], IsFacts: true);
    }
}

/// <summary>
/// The article's tables, each row filed under the case it measured. Which case a row is, is
/// knowledge of the article's tables, kept here; a new table under docs/reference fails the docs
/// tests until it is mapped.
/// </summary>
public static class PublishedRows
{
    /// <summary>The tables under <paramref name="checkout"/>'s docs/reference.</summary>
    public static IReadOnlyList<PublishedTable> All(string checkout)
    {
        var folder = Path.Combine(checkout, "docs", "reference");
        return [.. Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal).Select(path => Read(folder, Path.GetFileName(path)))];
    }

    static PublishedTable Read(string folder, string file)
    {
        var table = TsvTable.Load(folder, file);
        var source = File.ReadLines(Path.Combine(folder, file)).TakeWhile(l => l.StartsWith('#'))
            .Select(l => l.TrimStart('#').Trim());
        var rows = table.Rows.Select(cells => file switch
        {
            PublishedJudgements.ForkTableFile => new PublishedRow(new ForkCowScenario().Key, cells["step"], cells),
            PublishedOolTable.FileName => new PublishedRow(
                ArticleCase.Numbered(int.Parse(cells["nr"], System.Globalization.CultureInfo.InvariantCulture)).AsTheArticleRanIt.Scenario.Key,
                $"{cells["nr"]} {cells["name"]}", cells),
            _ => throw new DocsInputException(
                $"docs/reference/{file}: no case claims its rows; say in Cli/Docs/PublishedRows.cs which case each row measured."),
        }).ToList();
        return new PublishedTable(file, string.Join(' ', source), table.Columns, rows);
    }
}

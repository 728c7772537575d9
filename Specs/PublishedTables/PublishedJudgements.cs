using System.Globalization;
using OolSpecs.Harness.Observations;
using OolSpecs.Specs.ForkCopyOnWrite;

namespace OolSpecs.Specs.PublishedTables;

/// <summary>One claim's judgement of one row of an article table: the table's file, the row's label, the verdict.</summary>
public sealed record PublishedJudgement(string File, string Row, ClaimVerdict Verdict);

/// <summary>
/// The article's tables run through the claims that judge them, row by row: the published-table
/// specs assert these verdicts, and the docs read from them which claims the article's rows check.
/// </summary>
public static class PublishedJudgements
{
    public const string ForkTableFile = "article-fork-walkthrough.tsv";

    /// <summary>Both tables of <paramref name="folder"/> (a checkout's docs/reference), each row by each claim that judges it.</summary>
    public static IReadOnlyList<PublishedJudgement> Of(string folder) =>
        [.. Fork(TsvTable.Load(folder, ForkTableFile)), .. Ool(TsvTable.Load(folder, PublishedOolTable.FileName))];

    /// <summary>Each step of the fork walk-through, a one-page buffer, by the XNU fork claim of that step.</summary>
    public static IEnumerable<PublishedJudgement> Fork(TsvTable table) =>
        table.Rows.Select(row => new PublishedJudgement(table.Name, row["step"], XnuForkClaims.Judge(
            row["step"],
            new XnuRegionState(
                long.Parse(row["pages_resident"], CultureInfo.InvariantCulture),
                long.Parse(row["ref_count"], CultureInfo.InvariantCulture),
                Enum.Parse<XnuShareMode>(row["share_mode"])),
            pages: 1)));

    /// <summary>Each OOL row the table describes coherently, by every check of its case the row can tell something of.</summary>
    public static IEnumerable<PublishedJudgement> Ool(TsvTable table) =>
        PublishedOolTable.Read(table).SelectMany(r => r.Judged.Select(v => new PublishedJudgement(table.Name, $"{r.Number} {r.Case.Name}", v)));
}

using System.Globalization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.OolTransfer;

namespace OolSpecs.Specs.PublishedTables;

/// <summary>
/// The article's OOL table read as receptions of purgeable memory, the memory the article sent,
/// which the same checks as a live run judge (<see cref="OolTransferCases"/>). A row's region may
/// hold earlier receptions the kernel merged into it: the latest earlier row whose region lies
/// inside this one's is that neighbour, and its pages and resident pages are set apart. What the
/// table does not publish (user_tags, objects, the deallocate bit, the sender, content) is left
/// null in the <see cref="Reception"/>, so the checks that need it say they cannot tell.
/// </summary>
public static class PublishedOolTable
{
    public const string FileName = "article-ool-cases.tsv";

    /// <summary>The article's Mac: Apple silicon, 16 KiB pages.</summary>
    public const long PageSize = 0x4000;

    public sealed record Row(int Number, ArticleCase Case, Reception? Reception, IReadOnlyList<string> TableErrors)
    {
        /// <summary>The table's row of the case, as the article ran it.</summary>
        public OolTransferCase CaseRow => OolTransferCases.AsTheArticleRanIt(Case);

        /// <summary>Each check of the case that the row can tell something of (none where the table is incoherent).</summary>
        public IEnumerable<ClaimVerdict> Judged => Reception is { } r ? CaseRow.Checks.Select(c => c.Judge(r)).Where(v => v.Expectations > 0) : [];
    }

    public static IReadOnlyList<Row> Read(TsvTable table)
    {
        var extents = table.Rows.Select(r => (Start: Hex(r["region_start"]), End: Hex(r["region_end"]))).ToList();
        var rows = new List<Row>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var cells = table.Rows[i];
            var number = int.Parse(cells["nr"], CultureInfo.InvariantCulture);
            var article = ArticleCase.Numbered(number);
            var errors = new List<string>();
            var (start, end) = extents[i];
            if (cells["name"] != article.Name)
            {
                errors.Add($"row {number}: named {cells["name"]}, but case {number} is {article.Name}");
            }

            if (end <= start || Hex(cells["region_size"]) != end - start || (end - start) % PageSize != 0)
            {
                errors.Add($"row {number}: region {cells["region_start"]}..{cells["region_end"]} does not span its size {cells["region_size"]} in whole pages");
            }

            var neighbour = Enumerable.Range(0, i).Reverse()
                .Where(j => start <= extents[j].Start && extents[j].End <= end && extents[j] != extents[i])
                .Select(j => (int?)j).FirstOrDefault();
            var regionPages = (long)((end - start) / PageSize);
            var neighbourPages = neighbour is { } n ? (long)((extents[n].End - extents[n].Start) / PageSize) : 0;
            if (errors.Count == 0 && regionPages - neighbourPages != article.Pages)
            {
                errors.Add($"row {number}: the region's {regionPages} pages are not the data's {article.Pages} plus {neighbourPages} merged neighbouring pages");
            }

            if (!CopyOptionNames.TryParseArticleName(cells["copy"], out var copy))
            {
                errors.Add($"row {number}: copy {cells["copy"]} names no mach_msg_copy_options_t");
            }

            var neighbourResident = neighbour is { } m ? long.Parse(table.Rows[m]["pages_resident"], CultureInfo.InvariantCulture) : 0;
            var reception = errors.Count > 0 ? null : new Reception(
                article.AsTheArticleRanIt,
                copy,
                Enum.Parse<XnuShareMode>(cells["share_mode"]),
                long.Parse(cells["ref_count"], CultureInfo.InvariantCulture),
                long.Parse(cells["pages_resident"], CultureInfo.InvariantCulture) - neighbourResident);
            rows.Add(new Row(number, article, reception, errors));
        }

        return rows;
    }

    static ulong Hex(string text) =>
        ulong.Parse(text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}

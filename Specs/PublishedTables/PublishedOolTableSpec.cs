using System.Globalization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.OolTransfer;

namespace OolSpecs.Specs.PublishedTables;

/// <summary>
/// The OOL claims run on the article's own table, through the same checks of the same cases as a
/// live run of purgeable memory (<see cref="OolTransferCases"/>): it passes as published, every
/// single altered measurement is caught, and what the table cannot tell is said so.
/// </summary>
public sealed class PublishedOolTableSpec
{
    static readonly string[] MeasuredColumns =
        ["copy", "region_start", "region_end", "region_size", "pages_resident", "ref_count", "share_mode"];

    static TsvTable Published => TsvTable.Load(PublishedOolTable.FileName);

    [Fact]
    public void The_published_table_lists_the_eight_cases_in_order() =>
        PublishedOolTable.Read(Published).Select(r => r.Case).Should().Equal(ArticleCase.All);

    [Fact]
    public void The_published_table_satisfies_every_OOL_claim()
    {
        var rows = PublishedOolTable.Read(Published);

        rows.SelectMany(r => r.TableErrors).Should().BeEmpty();
        PublishedJudgements.Ool(Published).SelectMany(j => j.Verdict.Violations).Should().BeEmpty();
    }

    [Fact]
    public void Every_row_is_judged_by_the_copy_field_claim_and_by_the_copy_path_its_case_takes()
    {
        var claims = PublishedOolTable.Read(Published).ToDictionary(r => r.Number, r => r.Judged.Select(v => v.Claim).ToList());

        claims.Values.Should().OnlyContain(c => c.Count == 2 && CopyPathClaims.All.Any(p => p.Claim == c[0]) && c[1] == DescriptorClaims.CopyFieldIsTheSendersOption);
        claims.Where(c => c.Value[0] == CopyPathClaims.SmallPayloadsGoThroughAKernelBuffer).Select(c => c.Key).Should().Equal(1, 2, 5, 6);
        claims.Where(c => c.Value[0] == CopyPathClaims.PurgeableIsCopiedAtSend).Select(c => c.Key).Should().Equal(3, 4, 8);
        claims.Single(c => c.Value[0] == CopyPathClaims.LargePhysicalCopyGoesThroughTheIpcCopyMap).Key.Should().Be(7);
    }

    [Fact]
    public void What_the_table_cannot_tell_is_marked_unverified_not_passed()
    {
        var verdicts = PublishedOolTable.Read(Published)
            .Where(r => r.Reception is not null)
            .SelectMany(r => r.CaseRow.Checks.Select(c => (r.Number, Verdict: c.Judge(r.Reception!))))
            .ToList();

        verdicts.SelectMany(v => v.Verdict.Violations).Should().BeEmpty();
        verdicts.Where(v => v.Verdict.Expectations == 0).Should().OnlyContain(v => v.Verdict.Unverified.Count > 0, "a claim the table tells nothing of says why")
            .And.Contain(v => v.Verdict.Claim == DescriptorClaims.DeallocateBitSaysVirtualCopy, "the table publishes no deallocate bit")
            .And.Contain(v => v.Verdict.Claim == ContentClaims.ReceiverReadsTheBytesAsSent, "the table publishes no content check");
        PublishedJudgements.Ool(Published).Select(j => j.Verdict.Claim).Should().NotContain(c => verdicts.Any(v => v.Verdict.Claim == c && v.Verdict.Expectations == 0),
            "a claim the table could tell nothing of is no published evidence");
        var paths = verdicts.Where(v => CopyPathClaims.All.Any(p => p.Claim == v.Verdict.Claim)).ToList();
        paths.Select(v => v.Number).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
        paths.Should().OnlyContain(v => v.Verdict.Unverified.Any(u => u.Contains("no user_tag or VM object")), "the table publishes neither, so no path is told");
        paths.Where(v => v.Verdict.Unverified.Any(u => u.Contains("is the sender's"))).Select(v => v.Number).Should().Equal(1, 2, 5, 6);
    }

    [Theory]
    [MemberData(nameof(SingleFieldAlterations))]
    public void Any_single_altered_measurement_is_rejected(int row, string column, string value)
    {
        var rows = PublishedOolTable.Read(Published.With(row, column, value));

        var rejections = rows.SelectMany(r => r.TableErrors)
            .Concat(rows.SelectMany(r => r.Judged).SelectMany(v => v.Violations));
        rejections.Should().NotBeEmpty("row {0} with {1} = {2} departs from the article", row + 1, column, value);
    }

    public static TheoryData<int, string, string> SingleFieldAlterations()
    {
        var data = new TheoryData<int, string, string>();
        var table = Published;
        for (var row = 0; row < table.Rows.Count; row++)
        {
            foreach (var column in MeasuredColumns)
            {
                foreach (var value in OtherValues(column, table.Rows[row][column]))
                {
                    data.Add(row, column, value);
                }
            }
        }

        return data;
    }

    static IEnumerable<string> OtherValues(string column, string published) => column switch
    {
        "share_mode" => Enum.GetNames<XnuShareMode>().Where(name => name != published),
        "copy" => new[] { "PHYSICAL_COPY", "VIRTUAL_COPY", "ALLOCATE" }.Where(name => name != published),
        "region_start" or "region_end" or "region_size" => Shifted(published),
        _ => new[] { -1L, 1L }.Select(d => long.Parse(published, CultureInfo.InvariantCulture) + d).Where(v => v >= 0)
            .Select(v => v.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>One page more and one page less.</summary>
    static IEnumerable<string> Shifted(string hex)
    {
        var value = ulong.Parse(hex[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return new[] { value + PublishedOolTable.PageSize, value - PublishedOolTable.PageSize }.Select(v => $"0x{v:x}");
    }
}

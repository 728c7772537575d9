using System.Globalization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.OolTransfer;

namespace OolSpecs.Specs.PublishedTables;

/// <summary>
/// The OOL claims (what the copy field says, what deallocate does, what small and large copies
/// look like in the receiver) run on the article's own table: it passes as published, every
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
    public void Every_row_is_judged_by_the_copy_field_claim_and_by_the_one_claim_its_case_belongs_to()
    {
        var claims = PublishedOolTable.Read(Published).ToDictionary(r => r.Number, r => ArticleClaims.Judge(r.Reception!).Select(v => v.Claim).ToList());

        claims.Values.Should().OnlyContain(c => c.Count == 2 && c[0] == DescriptorClaims.CopyFieldIsTheSendersOption);
        claims.Where(c => c.Value[1] == ArticleClaims.SmallDeallocateIsCopiedIntoAKernelBuffer).Select(c => c.Key).Should().Equal(2, 6);
        claims.Where(c => c.Value[1] == ArticleClaims.LargePurgeableDeallocateIsCopiedAtSend).Select(c => c.Key).Should().Equal(4, 8);
        claims.Where(c => c.Value[1] == ArticleClaims.SmallCopiesArePhysical).Select(c => c.Key).Should().Equal(1, 5);
        claims.Single(c => c.Value[1] == ArticleClaims.LargeVirtualCopyShowsNoCow).Key.Should().Be(3);
        claims.Single(c => c.Value[1] == ArticleClaims.LargePhysicalCopyShowsCow).Key.Should().Be(7);
    }

    [Fact]
    public void What_the_table_cannot_tell_is_marked_unverified_not_passed()
    {
        var unverified = PublishedOolTable.Read(Published)
            .SelectMany(r => ArticleClaims.Judge(r.Reception!).SelectMany(v => v.Unverified.Select(u => (r.Number, v.Claim, Why: u))))
            .ToList();

        unverified.Select(u => (u.Number, u.Claim)).Should().Equal((1, ArticleClaims.SmallCopiesArePhysical), (5, ArticleClaims.SmallCopiesArePhysical));
        unverified.Should().OnlyContain(u => u.Why.Contains("VM object"), "the table publishes no object identity");
    }

    [Theory]
    [MemberData(nameof(SingleFieldAlterations))]
    public void Any_single_altered_measurement_is_rejected(int row, string column, string value)
    {
        var rows = PublishedOolTable.Read(Published.With(row, column, value));

        var rejections = rows.SelectMany(r => r.TableErrors)
            .Concat(rows.Where(r => r.Reception is not null).SelectMany(r => ArticleClaims.Judge(r.Reception!)).SelectMany(v => v.Violations));
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

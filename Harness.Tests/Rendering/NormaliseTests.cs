using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.Tests.Rendering;

public sealed class NormaliseTests
{
    [Theory]
    [InlineData(0x104814000UL, 0x104818000UL, 0x104814000UL, 16384, "0..1")]
    [InlineData(0x104810000UL, 0x104818000UL, 0x104814000UL, 16384, "-1..1")]
    [InlineData(0x104814000UL, 0x104814800UL, 0x104814000UL, 16384, "0..0+2048B")]
    public void Bounds_are_pages_relative_to_the_buffer(ulong start, ulong end, ulong buffer, long pageSize, string expected)
    {
        Normalise.Bounds(start, end, buffer, pageSize).Should().Be(expected);
    }

    [Theory]
    [InlineData(4, 4096, "1")]
    [InlineData(2, 4096, "0.5")]
    [InlineData(0, 16384, "0")]
    [InlineData(256, 16384, "16")]
    public void Kilobytes_become_pages(long kb, long pageSize, string expected)
    {
        Normalise.KbAsPages(kb, pageSize).Should().Be(expected);
    }

    [Theory]
    [InlineData(3, "rw-")]
    [InlineData(7, "rwx")]
    [InlineData(0, "---")]
    public void Protection_reads_like_vmmap(int protection, string expected)
    {
        Normalise.Protection(protection).Should().Be(expected);
    }

    [Fact]
    public void Identities_are_lettered_by_first_appearance_and_keep_their_letter()
    {
        var labels = new IdentityLabels();

        new[] { 9001UL, 17UL, 9001UL, 5UL }.Select(labels.For).Should().Equal("A", "B", "A", "C");
    }

    [Fact]
    public void Letters_go_on_past_Z()
    {
        var labels = new IdentityLabels();

        Enumerable.Range(0, 28).Select(i => labels.For((ulong)i)).ToList().Skip(25).Should().Equal("Z", "AA", "AB");
    }

    [Fact]
    public void A_report_has_one_blank_line_between_blocks_and_one_final_newline()
    {
        var text = new MarkdownReport().Heading(1, "T").Paragraph("p").Facts([("a|b", "1")]).ToString();

        text.Should().Be("# T\n\np\n\n| field | value |\n| --- | --- |\n| a\\|b | 1 |\n");
    }
}

using System.Text.RegularExpressions;
using OolSpecs.Harness.Docs;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>
/// Each claim, and each spec class's summary, is written in one generated document: its family's
/// page. docs/specs.md is the index that links them, so the two cannot drift or be read twice.
/// </summary>
public sealed class ClaimsOnceTests
{
    /// <summary>
    /// Every generated page but the README, and the committed source-watch page, which needs a
    /// clone of xnu to be made (a test with one checks that it is current).
    /// </summary>
    static readonly IReadOnlyList<GeneratedDocument> Made =
    [
        .. CheckoutDocs.Made.Where(d => d.Path != GeneratedDocs.Readme),
        new(SourceWatchPage.File, File.ReadAllText(Path.Combine(RepositoryRoot.Locate(), SourceWatchPage.File))),
    ];

    public static TheoryData<string> Families => [.. SpecFamilies.Behaviour];

    [Theory]
    [MemberData(nameof(Families))]
    public void Each_claim_of_the_family_is_written_in_its_family_page_only(string family)
    {
        var page = $"{FamilyPages.Folder}/{FamilyPages.FileName(family)}";

        foreach (var claim in SpecFamilies.Claims(family))
        {
            Made.Where(d => Holds(d, claim.Sentence)).Select(d => d.Path)
                .Should().Equal([page], "the claim \"{0}\" belongs on its family's page alone", claim.Sentence);
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Each_spec_class_summary_of_the_family_is_written_in_its_family_page_only(string family)
    {
        var page = $"{FamilyPages.Folder}/{FamilyPages.FileName(family)}";

        foreach (var summary in SpecFamilies.SpecClasses(family).Select(SpecFamilies.Summary).OfType<string>())
        {
            Made.Where(d => Holds(d, summary)).Select(d => d.Path)
                .Should().Equal([page], "the summary \"{0}\" belongs on its family's page alone", summary);
        }
    }

    /// <summary>
    /// Whether a document holds the text whole (a table cell, a list item, a paragraph; not as part of
    /// a longer claim that contains it), as written or as a table cell writes '|' ("\|").
    /// </summary>
    static bool Holds(GeneratedDocument document, string text) =>
        new[] { text, text.Replace("|", "\\|") }.Any(written =>
            document.Text.Contains(written, StringComparison.Ordinal) && Regex.IsMatch(document.Text, $@"(^|\| |- |\*\* ){Regex.Escape(written)}( \||\s\(|\.|$)", RegexOptions.Multiline));

    [Fact]
    public void The_index_links_every_familys_page()
    {
        var index = Made.Single(d => d.Path == GeneratedDocs.SpecCatalogueDocument).Text;

        SpecFamilies.Behaviour.Where(f => !index.Contains($"[{f}](families/{FamilyPages.FileName(f)})", StringComparison.Ordinal)).Should().BeEmpty();
    }
}

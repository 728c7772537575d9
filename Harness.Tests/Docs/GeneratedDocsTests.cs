using OolSpecs.Harness.Docs;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>
/// The documents in docs/ are the ones the spec classes, the committed snapshot tree and the
/// article's tables make now (`oolspecs docs` rewrites them; this is what `docs --check` checks).
/// </summary>
public sealed class GeneratedDocsTests
{
    static GeneratedDocs Checkout => CheckoutDocs.Generator;

    public static TheoryData<string> Documents => [.. CheckoutDocs.Made.Select(d => d.Path)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Each_generated_document_is_current(string path)
    {
        var made = CheckoutDocs.Document(path);
        var committed = Checkout.Committed(made);

        committed.Should().Be(made.Text, "{0} is generated; run `{1}` to rewrite it. Difference:\n{2}",
            path, GeneratedDocs.Command, SnapshotDiff.Render(committed, made.Text));
    }

    [Fact]
    public void The_generated_documents_are_the_spec_catalogue_the_matrix_and_a_page_per_family() =>
        CheckoutDocs.Made.Select(d => d.Path).Should().Contain(["docs/specs.md", BehaviourMatrix.Document, "docs/families/README.md", "docs/families/ForkCopyOnWrite.md"]);

    [Fact]
    public void The_readmes_first_paragraph_carries_the_evidence_sentence_made_from_the_snapshots_and_tables()
    {
        var readme = CheckoutDocs.Document(GeneratedDocs.Readme).Text;
        var firstParagraph = readme.Split("\n\n")[1];

        firstParagraph.Should().Contain(GeneratedDocs.Evidence.Begin + ClaimEvidence.Read(Checkout.Checkout).Summary(SpecFamilies.Behaviour) + GeneratedDocs.Evidence.End);
    }

    [Fact]
    public void The_family_folder_holds_only_the_families_pages() =>
        Checkout.Stray(CheckoutDocs.Made).Should().BeEmpty("{0} holds only generated pages; run `{1}` to remove the others", FamilyPages.Folder, GeneratedDocs.Command);

    /// <summary>A reader copies a family to start one: each keeps the shape, one Specs file, which its page links (Finder's dot files aside).</summary>
    [Fact]
    public void Each_familys_spec_side_is_the_one_file_its_page_links()
    {
        foreach (var family in SpecFamilies.Behaviour)
        {
            Directory.EnumerateFiles(Path.Combine(Checkout.Checkout, "Specs", family), "*", SearchOption.AllDirectories)
                .Where(file => !Path.GetFileName(file).StartsWith('.'))
                .Select(file => Path.GetRelativePath(Checkout.Checkout, file).Replace(Path.DirectorySeparatorChar, '/'))
                .Should().Equal([SpecFamilies.SourceFile(family)], "a family's claims, table of cases and specs are one file");
            CheckoutDocs.Document($"{FamilyPages.Folder}/{FamilyPages.FileName(family)}").Text.Should().Contain($"](../../{SpecFamilies.SourceFile(family)})");
        }
    }

    [Fact]
    public void The_readme_links_the_matrix_and_the_family_pages()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

        readme.Should().Contain($"]({BehaviourMatrix.Document})").And.Contain($"]({FamilyPages.Folder}/{FamilyPages.Index})");
    }
}

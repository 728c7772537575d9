namespace OolSpecs.Harness.Tests.Docs;

/// <summary>The behaviour matrix and the family pages in docs/ are the ones the specs, the snapshot tree and the article's tables make.</summary>
public sealed class GeneratedDocsTests
{
    static readonly Lazy<ApprovedSnapshots> Snapshots = new(ApprovedSnapshots.InCheckout);
    static readonly Lazy<IReadOnlyList<PublishedTable>> Published = new(PublishedRows.All);

    public static TheoryData<string> Families => [.. SpecFamilies.Behaviour];

    /// <summary>The spec families, and any family that only the snapshot tree or the article knows (so none is left out of the matrix).</summary>
    static IReadOnlyList<string> MatrixFamilies =>
    [
        .. SpecFamilies.Behaviour
            .Union(Snapshots.Value.All.Select(s => s.Key.Family))
            .Union(Published.Value.SelectMany(t => t.Rows).Select(r => r.Key.Family))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void The_behaviour_matrix_is_current() =>
        GeneratedDocs.ShouldBeCurrent(BehaviourMatrix.Document, BehaviourMatrix.Render(MatrixFamilies, Snapshots.Value, Published.Value));

    [Theory]
    [MemberData(nameof(Families))]
    public void Each_family_page_is_current(string family) =>
        GeneratedDocs.ShouldBeCurrent($"{FamilyPages.Folder}/{FamilyPages.FileName(family)}", FamilyPages.Render(family, Snapshots.Value, Published.Value));

    [Fact]
    public void The_family_index_is_current_and_the_folder_holds_only_the_families_pages()
    {
        GeneratedDocs.ShouldBeCurrent($"{FamilyPages.Folder}/{FamilyPages.Index}", FamilyPages.RenderIndex(SpecFamilies.Behaviour));
        GeneratedDocs.FolderShouldHoldOnly(FamilyPages.Folder, SpecFamilies.Behaviour.Select(FamilyPages.FileName).Append(FamilyPages.Index));
    }

    [Fact]
    public void The_readme_links_the_matrix_and_the_family_pages()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

        readme.Should().Contain($"]({BehaviourMatrix.Document})").And.Contain($"]({FamilyPages.Folder}/{FamilyPages.Index})");
    }
}

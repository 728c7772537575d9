namespace OolSpecs.Harness.Tests.Docs;

/// <summary>
/// Every relative link of the committed Markdown (README.md, DESIGN.md, docs/) and every repo path
/// it cites in backticks names a file or folder of the checkout: the facts the project relies on live
/// in its own docs/, never in a folder outside it.
/// </summary>
public sealed class LinksTests
{
    static readonly string Root = RepositoryRoot.Locate();
    static readonly DocLinks Links = new(Root);

    public static TheoryData<string> Documents =>
    [
        "README.md",
        "DESIGN.md",
        .. Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_link_and_cited_path_of_the_document_resolves(string document) =>
        string.Join('\n', Links.Broken(document, File.ReadAllText(Path.Combine(Root, document)))).Should().BeEmpty(
            "{0} may point only at what the checkout holds (a generated page is fixed at its generator, then `{1}`)", document, Harness.Docs.GeneratedDocs.Command);

    [Fact]
    public void A_broken_link_a_wrong_case_and_a_missing_cited_or_bare_path_are_found_and_kernel_paths_are_not_this_repos()
    {
        var text = "See [the matrix](behaviour-matrix.md), [gone](families/Gone.md#x), [case](Families/README.md),\n" +
                   "<a href=\"../snapshots/none.approved.md\">file</a>, `Harness/Scenarios/ArticleCase.cs` and `Specs/OolTransfer/ArticleCase.cs`;\n" +
                   "see Specs/OolTransfer/Gone.cs. The sketch (`shared/DESIGN.md`) is not in the checkout;\n" +
                   "[the index](families/README.md) and `Native/src/nosuch.c`, [families/README.md](families/README.md);\n" +
                   "`osfmk/vm/vm_map.c`, `mm/memory.c`, `snapshots/<os>-<release>/` and [a site](https://example.org/x) are not checked.\n";

        Links.Broken("docs/specs.md", text).Should().Equal(
            "line 1: link (families/Gone.md#x) names nothing from docs/specs.md",
            "line 1: link (Families/README.md) names nothing from docs/specs.md",
            "line 2: link (../snapshots/none.approved.md) names nothing from docs/specs.md",
            "line 2: `Specs/OolTransfer/ArticleCase.cs` names nothing in the checkout",
            "line 3: `shared/DESIGN.md` names nothing in the checkout",
            "line 3: `Specs/OolTransfer/Gone.cs` names nothing in the checkout",
            "line 4: `Native/src/nosuch.c` names nothing in the checkout");
    }

    [Fact]
    public void The_top_folders_are_the_committed_ones() =>
        Links.TopFolders.Should().Contain(["Harness", "Specs", "docs", "Native", "snapshots", ".ci"]).And.NotContain([".git", ".tools"]);
}

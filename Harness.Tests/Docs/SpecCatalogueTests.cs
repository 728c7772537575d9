namespace OolSpecs.Harness.Tests.Docs;

/// <summary>The documentation people read is the one the specs make.</summary>
public sealed class SpecCatalogueTests
{
    [Fact]
    public void The_spec_catalogue_in_docs_is_the_one_the_specs_make() =>
        GeneratedDocs.ShouldBeCurrent("docs/specs.md", SpecCatalogue.Render());
}

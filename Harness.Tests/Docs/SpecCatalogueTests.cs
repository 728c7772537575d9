using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>The documentation people read is the one the specs make.</summary>
public sealed class SpecCatalogueTests
{
    [Fact]
    public void The_spec_catalogue_in_docs_is_the_one_the_specs_make()
    {
        var path = RepositoryRoot.Combine("docs", "specs.md");
        var made = SpecCatalogue.Render();
        if (Environment.GetEnvironmentVariable(SpecCatalogue.UpdateVariable) == "1")
        {
            File.WriteAllText(path, made);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        committed.Should().Be(made,
            "docs/specs.md is generated; rerun with {0}=1 to write it. Difference:\n{1}",
            SpecCatalogue.UpdateVariable, SnapshotDiff.Render(committed, made));
    }
}

using OolSpecs.Harness.Docs;

namespace OolSpecs.Harness.Tests.SourceWatch;

/// <summary>docs/source-watch.md is one of the generated documents once a clone of xnu is given.</summary>
public class SourceWatchPageTests
{
    [SkippableFact]
    public void The_source_watch_page_is_the_watch_of_the_public_tags()
    {
        var docs = new GeneratedDocs(RepositoryRoot.Locate(), XnuSource.OpenOrSkip("the source-watch page"));

        var page = docs.Make().Single(d => d.Path == SourceWatchPage.File);

        docs.Committed(page).Should().Be(page.Text, "{0} is generated; rerun `{1}` to write it", SourceWatchPage.File, SourceWatchPage.Command);
    }
}

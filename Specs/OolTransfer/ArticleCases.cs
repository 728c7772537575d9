using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>The article's cases as theory data: each row is the case's description, so a result reads "virtual copy, 16 pages, kept".</summary>
public static class ArticleCases
{
    public static TheoryData<string> Where(Func<ArticleCase, bool> which) => [.. ArticleCase.All.Where(which).Select(c => c.Description)];
}

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>
/// No heading repeats within one committed document: a heading is an anchor, and a repeated one
/// links to its first occurrence only (GitHub numbers the others), so a reader's link goes astray.
/// </summary>
public sealed class HeadingsTests
{
    static readonly string Root = RepositoryRoot.Locate();

    [Theory]
    [MemberData(nameof(LinksTests.Documents), MemberType = typeof(LinksTests))]
    public void No_heading_of_the_document_repeats(string document) =>
        Repeated(File.ReadAllText(Path.Combine(Root, document))).Should().BeEmpty(
            "a repeated heading in {0} is an anchor that cannot be linked (a generated page is fixed at its generator, then `{1}`)",
            document, Harness.Docs.GeneratedDocs.Command);

    [Fact]
    public void A_repeated_heading_is_found_and_a_hash_line_in_a_code_block_is_no_heading() =>
        Repeated("# A\n\n## Claims\n\n```sh\n# Claims\n# B\n```\n\n### Claims\n\n## B\n").Should().Equal("Claims");

    /// <summary>The heading texts (level ignored, as GitHub's anchors ignore it) that occur more than once outside code blocks.</summary>
    static IReadOnlyList<string> Repeated(string markdown)
    {
        var inCode = false;
        var headings = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (!inCode && line.StartsWith('#'))
            {
                headings.Add(line.TrimStart('#').Trim());
            }
        }

        return [.. headings.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)];
    }
}

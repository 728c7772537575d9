namespace OolSpecs.Harness.SourceWatch;

/// <summary>
/// Checks citations against a source clone: every cited function must be defined (not merely
/// mentioned) in the file it is cited in, at every tag its claim cites it at.
/// </summary>
public static class CitationCheck
{
    /// <returns>One line per citation that does not hold, naming the claim, the function, the file and the tag.</returns>
    /// <exception cref="SourceTreeException">A tag a claim lists is not in the clone.</exception>
    public static IReadOnlyList<string> Problems(GitSourceTree tree, IEnumerable<WatchedClaim> claims)
    {
        var problems = new List<string>();
        foreach (var claim in claims)
        {
            foreach (var citation in claim.Citations)
            {
                if (citation.Only?.Except(claim.TagsRead).ToList() is { Count: > 0 } unread)
                {
                    problems.Add($"{claim.Name}: cites `{citation.Function.Name}` at {string.Join(", ", unread)}, a tag the claim was not read at");
                }

                foreach (var tag in citation.TagsOf(claim.TagsRead))
                {
                    tree.RequireTag(tag, $"{claim.Name}'s tags");
                    var file = citation.Function.FileAt(tag);
                    var text = tree.Read(tag, file);
                    if (text is null)
                    {
                        problems.Add($"{claim.Name}: `{citation.Function.Name}` is cited in `{file}`, which {tag} does not have");
                    }
                    else if (FunctionLocator.Find(text, citation.Function) is null)
                    {
                        problems.Add($"{claim.Name}: `{file}` does not define `{citation.Function.Name}` at {tag}");
                    }
                }
            }
        }

        return problems;
    }
}

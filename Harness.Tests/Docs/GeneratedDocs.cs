using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>
/// The freshness check every generated document shares: the committed file must be what the
/// generator makes now; with OOLSPECS_UPDATE_DOCS=1 the test writes it first.
/// </summary>
public static class GeneratedDocs
{
    public const string UpdateVariable = "OOLSPECS_UPDATE_DOCS";

    static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="relativePath">The document's path in the checkout, '/'-separated.</param>
    /// <param name="made">What the generator makes now.</param>
    public static void ShouldBeCurrent(string relativePath, string made)
    {
        var path = RepositoryRoot.Combine(relativePath.Split('/'));
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, made);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        committed.Should().Be(made,
            "{0} is generated; rerun with {1}=1 to write it. Difference:\n{2}",
            relativePath, UpdateVariable, SnapshotDiff.Render(committed, made));
    }

    /// <summary>A folder of generated pages holds exactly the pages made: a page whose subject is gone is deleted (when updating) or reported.</summary>
    public static void FolderShouldHoldOnly(string relativeFolder, IEnumerable<string> fileNames)
    {
        var folder = RepositoryRoot.Combine(relativeFolder.Split('/'));
        var expected = fileNames.ToHashSet(StringComparer.Ordinal);
        var stray = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToList()
            : [];
        if (Updating)
        {
            stray.ForEach(f => File.Delete(Path.Combine(folder, f!)));
            stray.Clear();
        }

        stray.Should().BeEmpty("{0} holds only generated pages; rerun with {1}=1 to remove the others", relativeFolder, UpdateVariable);
    }
}

using OolSpecs.Harness.SourceWatch;
using OolSpecs.Specs.OolTransfer;
using OolSpecs.Specs.PublishedTables;

namespace OolSpecs.Harness.Docs;

/// <summary>One generated document: its path in the checkout, '/'-separated, and what the generators make now.</summary>
public sealed record GeneratedDocument(string Path, string Text);

/// <summary>
/// Every generated document of a checkout, made from the spec assembly, the checkout's committed
/// snapshots/ (never OOLSPECS_SNAPSHOTS) and its docs/reference/, and, given a clone of xnu
/// (<paramref name="xnu"/>), docs/source-watch.md. `oolspecs docs` writes them, `oolspecs docs
/// --check` and the freshness tests compare them, and `accept` rewrites them after approving, so
/// one generator decides what docs/ holds. Without a clone the source-watch page is left as it is.
/// </summary>
public sealed class GeneratedDocs(string checkout, GitSourceTree? xnu = null)
{
    /// <summary>The one command that rewrites them; every "stale" message names it.</summary>
    public const string Command = "dotnet run --project Cli -- docs";

    public const string SpecCatalogueDocument = "docs/specs.md";

    public const string Readme = "README.md";

    /// <summary>The checkout's folder (where OolSpecs.sln is).</summary>
    public string Checkout { get; } = Path.GetFullPath(checkout);

    /// <summary>Every document the generators make now, in a fixed order.</summary>
    public IReadOnlyList<GeneratedDocument> Make()
    {
        var snapshots = ApprovedSnapshots.Read(Path.Combine(Checkout, "snapshots"));
        var published = PublishedRows.All(Checkout);
        var families = SpecFamilies.Behaviour;
        var evidence = new ClaimEvidence(snapshots, PublishedJudgements.Of(Path.Combine(Checkout, "docs", "reference")));

        // The spec families, and any family only the snapshot tree or the article knows, so that none is left out of the matrix.
        IReadOnlyList<string> matrixFamilies =
        [
            .. families
                .Union(snapshots.All.Select(s => s.Key.Family))
                .Union(published.SelectMany(t => t.Rows).Select(r => r.Key.Family))
                .Order(StringComparer.Ordinal),
        ];
        return
        [
            .. ReadmeWith(evidence.Summary(families)),
            new(SpecCatalogueDocument, SpecCatalogue.Render(evidence)),
            new(BehaviourMatrix.Document, BehaviourMatrix.Render(matrixFamilies, snapshots, published)),
            new($"{FamilyPages.Folder}/{FamilyPages.Index}", FamilyPages.RenderIndex(families)),
            .. families.Select(f => new GeneratedDocument($"{FamilyPages.Folder}/{FamilyPages.FileName(f)}", FamilyPages.Render(f, snapshots, published, evidence))),
            .. xnu is null ? [] : new[] { new GeneratedDocument(SourceWatchPage.File, SourceWatchPage.Render(xnu)) },
        ];
    }

    /// <summary>
    /// The checkout's README with the evidence sentence of its first paragraph made now (none when
    /// the checkout has no README, as a throwaway one for a test may not).
    /// </summary>
    IEnumerable<GeneratedDocument> ReadmeWith(string evidence)
    {
        var path = PathOf(Readme);
        if (!File.Exists(path))
        {
            yield break;
        }

        yield return new GeneratedDocument(Readme, CopyPaths.Replace(Evidence.Replace(File.ReadAllText(path), evidence), OolTransferCases.CopyPathTable()));
    }

    /// <summary>The README's evidence sentence, in its first paragraph.</summary>
    public static readonly ReadmeBlock Evidence = new("evidence", "its first paragraph", Inline: true);

    /// <summary>The README's table of OOL copy paths, drawn from the OolTransfer family's table of cases.</summary>
    public static readonly ReadmeBlock CopyPaths = new("copy-paths", "the table of OOL copy paths, near the top");

    /// <summary>What the checkout holds of a document now ("" when it is missing).</summary>
    public string Committed(GeneratedDocument document)
    {
        var path = PathOf(document.Path);
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    /// <summary>
    /// Pages in a folder of generated pages that no generator makes (a family that is gone), as
    /// checkout paths. Hidden files are not pages: Finder leaves .DS_Store, and ._* on volumes
    /// without extended attributes, wherever a folder was opened.
    /// </summary>
    public IReadOnlyList<string> Stray(IReadOnlyList<GeneratedDocument> made)
    {
        var folder = PathOf(FamilyPages.Folder);
        var expected = made.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(name => !name!.StartsWith('.'))
                .Select(name => $"{FamilyPages.Folder}/{name}").Where(p => !expected.Contains(p)).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Checkout paths of the documents that differ from what is made, and of stray pages; empty when docs/ is current.</summary>
    public IReadOnlyList<string> Stale()
    {
        var made = Make();
        return [.. made.Where(d => Committed(d) != d.Text).Select(d => d.Path), .. Stray(made)];
    }

    /// <summary>Writes every stale document and removes stray pages; returns the checkout paths it changed.</summary>
    public IReadOnlyList<string> Write() => Write(Make());

    /// <summary>Writes the documents given where they differ, as they were made, and removes stray pages; returns the checkout paths it changed.</summary>
    public IReadOnlyList<string> Write(IReadOnlyList<GeneratedDocument> made)
    {
        var changed = new List<string>();
        foreach (var document in made.Where(d => Committed(d) != d.Text))
        {
            var path = PathOf(document.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, document.Text);
            changed.Add(document.Path);
        }

        foreach (var stray in Stray(made))
        {
            File.Delete(PathOf(stray));
            changed.Add(stray);
        }

        return changed;
    }

    string PathOf(string documentPath) => Path.Combine([Checkout, .. documentPath.Split('/')]);
}

/// <summary>
/// A generated block of the README between two comment markers, so that the generators keep it
/// current while the prose around it stays hand-written: inline within a paragraph (the evidence
/// sentence), or with each marker on a line of its own (a table).
/// </summary>
public sealed record ReadmeBlock(string Name, string Where, bool Inline = false)
{
    public string Begin => $"<!-- {Name}: generated by `{GeneratedDocs.Command}` -->";

    public string End => $"<!-- /{Name} -->";

    /// <summary>The README with the text between the markers replaced by <paramref name="text"/> (a block's text ends in a newline).</summary>
    public string Replace(string readme, string text)
    {
        var begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = begin < 0 ? -1 : readme.IndexOf(End, begin, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new DocsInputException(Inline
                ? $"{GeneratedDocs.Readme} has no {Name} block: put \"{Begin}{End}\" back in {Where}, then run `{GeneratedDocs.Command}`."
                : $"{GeneratedDocs.Readme} has no {Name} block: put \"{Begin}\" and \"{End}\", each on a line of its own, back as {Where}, then run `{GeneratedDocs.Command}`.");
        }

        return readme[..(begin + Begin.Length)] + (Inline ? "" : "\n") + text + readme[end..];
    }
}

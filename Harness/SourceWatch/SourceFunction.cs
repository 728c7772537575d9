namespace OolSpecs.Harness.SourceWatch;

/// <summary>What a citation names: a C function (found by its definition) or a macro (by its #define).</summary>
public enum SourceSymbolKind
{
    Function,
    Macro,
}

/// <summary>
/// A function (or macro) of a kernel source tree and the file that defines it, by path from the
/// tree's root. Code moves between releases (xnu-11215 split and reworked files), so a function
/// may name the file it is in from a given tag on.
/// </summary>
public sealed record SourceFunction(string File, string Name)
{
    public SourceSymbolKind Kind { get; init; } = SourceSymbolKind.Function;

    /// <summary>The files it moved to, each from a tag on, oldest first.</summary>
    public IReadOnlyList<(string FromTag, string File)> Moves { get; init; } = [];

    public static SourceFunction Macro(string file, string name) => new(file, name) { Kind = SourceSymbolKind.Macro };

    /// <summary>The same function, defined in <paramref name="file"/> from <paramref name="tag"/> on.</summary>
    public SourceFunction MovedTo(string file, string tag) =>
        this with { Moves = [.. Moves.Append((tag, file)).OrderBy(m => m.Item1, Comparer<string>.Create(SourceTag.Compare))] };

    /// <summary>The file that defines it at <paramref name="tag"/>.</summary>
    public string FileAt(string tag) =>
        Moves.Where(m => SourceTag.Compare(m.FromTag, tag) <= 0).Select(m => m.File).LastOrDefault() ?? File;

    /// <summary>This function cited for a reason: the note says what it decides there.</summary>
    public Citation Because(string note) => new(this, note);

    /// <summary>This function cited at these tags only (it decides the claim there, something else elsewhere).</summary>
    public Citation OnlyAt(params string[] tags) => new Citation(this, null).OnlyAt(tags);

    public static implicit operator Citation(SourceFunction function) => new(function, null);

    /// <summary>
    /// "`name`", then where it is defined at the tags given (one file, or each file with the tags it
    /// holds the function at), as the docs show it.
    /// </summary>
    public string Render(IReadOnlyList<string> tags)
    {
        var files = tags.GroupBy(FileAt).ToList();
        var where = files.Count <= 1
            ? $"`{(files.Count == 1 ? files[0].Key : File)}`"
            : string.Join(", ", files.Select(f => $"`{f.Key}` at {string.Join(", ", f)}"));
        return $"`{Name}` in {where}";
    }

    public override string ToString() => $"{Name} ({File})";
}

/// <summary>
/// A function cited by a claim, with what it decides there (or no note), at every tag the claim
/// was read at or only at some (code reworked between releases decides the same thing elsewhere).
/// </summary>
public sealed record Citation(SourceFunction Function, string? Note)
{
    /// <summary>The only tags it is cited at, or null for every tag the claim was read at.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    public Citation OnlyAt(params string[] tags) => this with { Only = tags };

    public Citation Because(string note) => this with { Note = note };

    public bool AppliesAt(string tag) => Only is null || Only.Contains(tag);

    /// <summary>The tags, of those the claim was read at, that this citation holds at.</summary>
    public IReadOnlyList<string> TagsOf(IReadOnlyList<string> claimTags) => [.. claimTags.Where(AppliesAt)];

    public string Render(IReadOnlyList<string> claimTags)
    {
        var tags = TagsOf(claimTags);
        var at = Only is null ? "" : $" at {string.Join(", ", tags)}";
        return Function.Render(tags) + at + (Note is null ? "" : $" ({Note})");
    }
}

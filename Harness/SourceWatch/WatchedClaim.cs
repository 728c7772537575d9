namespace OolSpecs.Harness.SourceWatch;

/// <summary>
/// A claim as the source watch needs it: its name, its sentence, the functions that decide it,
/// the tags its source was read at, and the specs that assert it ("Namespace.Class.Method").
/// </summary>
public sealed record WatchedClaim(
    string Name,
    string Sentence,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> TagsRead,
    IReadOnlyList<string> Specs);

/// <summary>What became of a deciding function between two tags.</summary>
public enum FunctionChange
{
    /// <summary>Its body is the same, line for line.</summary>
    Unchanged,

    /// <summary>Its body changed in the same file.</summary>
    Changed,

    /// <summary>The file it is cited in no longer defines it; another file does.</summary>
    Moved,

    /// <summary>No file defines it at the new tag.</summary>
    Gone,

    /// <summary>Not defined at the old tag, where the claim does not cite it; defined at the new one.</summary>
    New,

    /// <summary>It is not defined in its cited file at the old tag: the citation is wrong there.</summary>
    NotAtFrom,
}

/// <summary>One deciding function compared between two tags.</summary>
public sealed record FunctionWatch(SourceFunction Function, string From, string To, FunctionChange Change, string FromFile, string? ToFile, BodyDiff Diff)
{
    public string Describe() => Change switch
    {
        FunctionChange.Unchanged => $"`{Function.Name}` unchanged",
        FunctionChange.Changed => $"`{Function.Name}` changed ({Diff})",
        FunctionChange.Moved => $"`{Function.Name}` moved from `{FromFile}` to `{ToFile}` ({Diff})",
        FunctionChange.Gone => $"`{Function.Name}` gone: no file defines it at {To}",
        FunctionChange.New => $"`{Function.Name}` new at {To} in `{ToFile}` (not cited at {From})",
        _ => $"`{Function.Name}` is not defined in `{FromFile}` at {From}: the citation is wrong",
    };
}

/// <summary>A claim's deciding functions compared between the tag it was read at (or the one asked) and a new one.</summary>
public sealed record ClaimWatch(WatchedClaim Claim, string From, string To, IReadOnlyList<FunctionWatch> Functions)
{
    /// <summary>Some deciding function is not as it was: the claim is to be read again and its specs run on the new release.</summary>
    public bool ToReread => Functions.Any(f => f.Change != FunctionChange.Unchanged);
}

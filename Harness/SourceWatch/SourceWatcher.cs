namespace OolSpecs.Harness.SourceWatch;

/// <summary>
/// Compares, for every claim, the bodies of its deciding functions between the tag it was read at
/// (the newest it lists, unless a tag is given) and a new tag: what a reviewer should read again
/// when a new kernel is published, before any machine runs it.
/// </summary>
public sealed class SourceWatcher(GitSourceTree tree)
{
    readonly Dictionary<(SourceFunction, string, string), (FunctionBody? Before, string? ToFile, FunctionBody? After)> found = [];
    readonly Dictionary<(SourceSymbolKind, string Name, string Tag, string File), FunctionBody?> bodies = [];

    /// <exception cref="SourceTreeException">A tag is not in the clone.</exception>
    public IReadOnlyList<ClaimWatch> Watch(IEnumerable<WatchedClaim> claims, string to, string? from = null)
    {
        tree.RequireTag(to, "--to");
        if (from is not null)
        {
            tree.RequireTag(from, "--from");
        }

        var watched = claims.Select(claim =>
        {
            var start = from ?? SourceTag.Newest(claim.TagsRead);
            // A citation held only at earlier tags has its successor cited beside it: between two
            // later tags it says nothing, so it is not compared (it would read as a wrong citation).
            return (Claim: claim, Start: start, Citations: claim.Citations.Where(c => c.AppliesAt(start) || c.AppliesAt(to)).ToList());
        }).ToList();
        // One search of the new tag for every function not where its citation puts it (a move, or
        // a function gone), instead of one search each.
        tree.SearchDefinitions(to, watched.SelectMany(w => w.Citations).Select(c => c.Function).Where(f => Body(f, to, f.FileAt(to)) is null));
        return [.. watched.Select(w => new ClaimWatch(w.Claim, w.Start, to, [.. w.Citations.Select(c => Compare(c, w.Start, to))]))];
    }

    FunctionWatch Compare(Citation citation, string from, string to)
    {
        var function = citation.Function;
        if (!found.TryGetValue((function, from, to), out var bodies))
        {
            bodies = found[(function, from, to)] = Locate(function, from, to);
        }

        var fromFile = function.FileAt(from);
        var (before, toFile, after) = bodies;
        var (change, diff) = (before, after) switch
        {
            (null, { } added) when !citation.AppliesAt(from) => (FunctionChange.New, new BodyDiff(added.Lines.Count, 0)),
            (null, _) => (FunctionChange.NotAtFrom, default(BodyDiff)),
            (_, null) => (FunctionChange.Gone, default),
            ({ } b, { } a) => (toFile != fromFile ? FunctionChange.Moved : BodyDiff.Between(b, a).Unchanged ? FunctionChange.Unchanged : FunctionChange.Changed, BodyDiff.Between(b, a)),
        };
        return new FunctionWatch(function, from, to, change, fromFile, toFile, diff);
    }

    /// <summary>The body at <paramref name="from"/> in its cited file, and at <paramref name="to"/> in its cited file or, failing that, any file that defines it.</summary>
    (FunctionBody? Before, string? ToFile, FunctionBody? After) Locate(SourceFunction function, string from, string to)
    {
        var before = Body(function, from, function.FileAt(from));
        var toFile = function.FileAt(to);
        if (Body(function, to, toFile) is { } after)
        {
            return (before, toFile, after);
        }

        foreach (var elsewhere in tree.FilesThatMayDefine(to, function).Where(f => f != toFile))
        {
            if (Body(function, to, elsewhere) is { } moved)
            {
                return (before, elsewhere, moved);
            }
        }

        return (before, null, null);
    }

    /// <summary>The body in the file at the tag, each found once: the search above and the comparison both ask.</summary>
    FunctionBody? Body(SourceFunction function, string tag, string file)
    {
        var key = (function.Kind, function.Name, tag, file);
        if (!bodies.TryGetValue(key, out var body))
        {
            body = bodies[key] = tree.Read(tag, file) is { } text ? FunctionLocator.Find(text, function) : null;
        }

        return body;
    }
}

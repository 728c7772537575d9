using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.PublishedTables;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// A row of one of the article's tables (docs/reference) that a claim judges and that satisfies it;
/// <paramref name="InPart"/> where the row cannot tell all of the claim (the OOL table publishes no
/// VM object, tag or copy path), so it bears out only what it can tell.
/// </summary>
public sealed record CheckingRow(string File, string Row, bool InPart = false);

/// <summary>What one claim rests on: the platforms it is observed on, the article's rows that check it; neither means the source alone.</summary>
public sealed record Evidence(IReadOnlyList<Platform> ObservedOn, IReadOnlyList<CheckingRow> Rows)
{
    public bool Observed => ObservedOn.Count > 0;

    public bool Published => Rows.Any(r => !r.InPart);

    /// <summary>Rows satisfy what they can tell of the claim, and none can tell all of it.</summary>
    public bool PublishedInPart => !Published && Rows.Count > 0;

    public bool SourceOnly => !Observed && Rows.Count == 0;

    /// <summary>One line for a reader: "observed on …; published: `file` rows …", or "source only".</summary>
    public string Render()
    {
        var parts = new List<string>();
        if (Observed)
        {
            parts.Add("observed on " + string.Join(", ", ObservedOn));
        }

        parts.AddRange(Rows.GroupBy(r => (r.File, r.InPart)).Select(g =>
            $"published{(g.Key.InPart ? " in part" : "")}: `{g.Key.File}` {(g.Count() == 1 ? "row" : "rows")} {string.Join(", ", g.Select(r => r.Row))}"));
        return parts.Count > 0 ? string.Join("; ", parts) : "source only";
    }
}

/// <summary>
/// What each claim rests on, derived from the approved snapshot tree and the article's tables,
/// never written by hand: accepting a Mac's baseline changes it by itself.
/// </summary>
public sealed class ClaimEvidence(ApprovedSnapshots snapshots, IReadOnlyList<PublishedJudgement> judgements)
{
    /// <summary>The rule, as the docs state it.</summary>
    public const string Rule =
        "A claim is *observed* on every release and arch that has an approved snapshot of the claim's family on the claim's kernel's OS " +
        "(macOS for XNU, Linux for Linux); a snapshot records a whole case, not which claims it bears out, so this is the family's evidence, " +
        "not a per-case proof. It is *published* when a row of the article's tables (`docs/reference/`) is judged by the claim, " +
        "by the same code the published-table specs run, and satisfies it; the rows are named. It is *published in part* where such rows satisfy " +
        "what they can tell of it but cannot tell all of it (the OOL table publishes no VM object, tag or copy path). A claim with none of these rests on the *source only*. " +
        "A claim can be both observed and published.";

    /// <summary>The evidence of a checkout: its committed snapshots/ and its docs/reference tables.</summary>
    public static ClaimEvidence Read(string checkout) =>
        new(ApprovedSnapshots.Read(Path.Combine(checkout, "snapshots")), PublishedJudgements.Of(Path.Combine(checkout, "docs", "reference")));

    public Evidence Of(string family, Claim claim) =>
        new(
            [.. snapshots.Of(family).Where(s => KernelOf(s.Platform) == claim.Kernel).Select(s => s.Platform).Distinct()],
            [.. judgements.Where(j => j.Verdict.Claim == claim && j.Verdict.Violations.Count == 0).Select(j => new CheckingRow(j.File, j.Row, InPart: j.Verdict.Unverified.Count > 0)).Distinct()]);

    /// <summary>Counts of claims on one kernel, e.g. "8 claims: none observed, 3 published, 5 source only".</summary>
    public string Tally(string family, Kernel kernel) => Tally(SpecFamilies.Claims(family).Where(c => c.Kernel == kernel).Select(c => Of(family, c)).ToList());

    public static string Tally(IReadOnlyList<Evidence> evidence) =>
        $"{Count(evidence.Count, "claim")}: {Number(evidence.Count(e => e.Observed))} observed, " +
        $"{Number(evidence.Count(e => e.Published))} published, " +
        (evidence.Any(e => e.PublishedInPart) ? $"{Number(evidence.Count(e => e.PublishedInPart))} published in part, " : "") +
        $"{Number(evidence.Count(e => e.SourceOnly))} source only";

    /// <summary>
    /// The README's sentence over every behaviour family, one clause per kernel, e.g. "Of the 38 XNU
    /// claims, none is observed yet, 11 are checked against the article's published tables and 27 rest on the source alone".
    /// </summary>
    public string Summary(IReadOnlyList<string> families)
    {
        var clauses = families.SelectMany(f => SpecFamilies.Claims(f).Select(c => (c.Kernel, Evidence: Of(f, c))))
            .GroupBy(c => c.Kernel).OrderBy(g => g.Key)
            .Select(g => Clause(g.Key, [.. g.Select(c => c.Evidence)]));
        var sentence = string.Join("; ", clauses) + ".";
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    static string Clause(Kernel kernel, IReadOnlyList<Evidence> evidence)
    {
        var observed = evidence.Count(e => e.Observed);
        var published = evidence.Count(e => e.Published);
        var inPart = evidence.Count(e => e.PublishedInPart);
        var sourceOnly = evidence.Count(e => e.SourceOnly);
        var platforms = string.Join(", ", evidence.SelectMany(e => e.ObservedOn).Distinct().OrderBy(p => p.ToString(), StringComparer.Ordinal));
        var parts = new List<string>
        {
            observed == 0 ? "none is observed yet"
            : observed == evidence.Count ? $"every one is observed ({platforms})"
            : $"{observed} {Verb(observed, "is", "are")} observed ({platforms})",
        };
        if (published > 0)
        {
            parts.Add($"{published} {Verb(published, "is", "are")} checked against the article's published tables");
        }

        if (inPart > 0)
        {
            parts.Add($"{inPart} {Verb(inPart, "is", "are")} checked against them in part");
        }

        if (sourceOnly > 0)
        {
            parts.Add($"{sourceOnly} {Verb(sourceOnly, "rests", "rest")} on the source alone");
        }

        var list = parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
        return $"of the {Count(evidence.Count, kernel.Title() + " claim")}, {list}";
    }

    /// <summary>The kernel behind a snapshot's OS, or null for an OS no kernel is known for (never counted).</summary>
    static Kernel? KernelOf(Platform platform) => platform.Os is "macos" or "linux" ? platform.Kernel : null;

    static string Number(int n) => n == 0 ? "none" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    static string Count(int n, string noun) => $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    static string Verb(int n, string one, string many) => n == 1 ? one : many;
}

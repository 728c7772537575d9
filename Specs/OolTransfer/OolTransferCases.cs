using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Specs.OolTransfer.CopyPathClaims;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// The family's one table of cases: every kind of memory sent as each of the article's eight
/// cases (malloc'ed memory never deallocated through a message: that would unmap part of the
/// heap), 20 rows. The copy path a case takes is decided here, once; its other checks follow from
/// the case (<see cref="OolTransferCase.Checks"/>). The specs are theories over it, the README's
/// table of paths is drawn from it, and the article's published table is judged by the rows of
/// purgeable memory, as the article ran them.
/// The threshold sweep, the two adjacent receptions, the footprint and the physical-copy limit
/// are not rows: each judges several transfers at once (a sweep of sizes, two messages, a pair
/// of sizes either side of a limit) or a fill-every-page run, and has a spec of its own.
/// </summary>
public static class OolTransferCases
{
    public static readonly IReadOnlyList<OolTransferCase> All = [.. OolCase.All.Select(c => new OolTransferCase(c, PathsOf(c)))];

    /// <summary>The copy path the source says each case takes.</summary>
    static IReadOnlyList<CopyPathOutcome> PathsOf(OolCase c) => c switch
    {
        { Large: false } => [SmallPayload],
        { Copy: CopyOption.Physical, Dealloc: false } => [LargePhysicalCopy],
        { Memory: MemoryKind.Purgeable } => [PurgeableCopy],
        { Memory: MemoryKind.Anonymous, Dealloc: true } => [AnonymousDeallocate],
        { Memory: MemoryKind.Anonymous } => [AnonymousVirtualCopy],
        { Memory: MemoryKind.Malloc } => [MallocCopied, MallocLargeShared],
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "No copy path is claimed for this case."),
    };

    /// <summary>The row of an article case, as the article ran it (purgeable memory).</summary>
    public static OolTransferCase AsTheArticleRanIt(ArticleCase article) => All.Described(article.AsTheArticleRanIt.Description);

    /// <summary>
    /// The case a theory row names, observed once per test session and judged by its check of
    /// <paramref name="claim"/>; XNU only. The row is looked up before the kernel is asked for, so a
    /// misspelt case, or a claim the case does not fall under, fails on every OS, not only on a Mac.
    /// </summary>
    public static ClaimVerdict Judge(string description, Claim claim)
    {
        var row = All.Described(description);
        var check = row.CheckOf(claim);
        Requires.KernelOf(row.Case.Scenario);
        return check.Judge(Reception.Of(row.Case, Observed.Of(row.Case.Scenario)));
    }

    /// <summary>
    /// memory × size × copy → path → what the receiver shows, one line per memory, size and path,
    /// then each memory's exact allocation: the README's table, drawn from the rows.
    /// </summary>
    public static string CopyPathTable()
    {
        var lines = All
            .GroupBy(row => (row.Memory, row.Case.Article.Pages, Claims: string.Join('|', row.Paths.Select(p => p.Claim.Sentence))))
            .Select(group => (IReadOnlyList<string>)
            [
                ProbeWords.Of(group.Key.Memory),
                OolSize.Pages(group.Key.Pages).InWords,
                Options(group),
                string.Join(" or ", group.First().Paths.Select(p => p.Path.InWords())),
                string.Join("; or ", group.First().Paths.Select(p => p.Receiver)),
            ]);
        var report = new MarkdownReport()
            .Table(["memory", "size", "copy, deallocate", "path", "the receiver right after the receive"], lines);
        var allocations = All.Select(row => row.Memory).Distinct().Select(m => $"- {ProbeWords.Of(m)}: {Allocations.Of(m)}");
        return report + "\n" + string.Join("\n", allocations) + "\n";
    }

    /// <summary>"virtual or physical, kept or deallocated", or per copy option where they differ.</summary>
    static string Options(IEnumerable<OolTransferCase> rows)
    {
        var byCopy = rows.GroupBy(r => r.Case.Copy)
            .Select(g => (Copy: ProbeWords.Of(g.Key), Kept: string.Join(" or ", g.Select(r => r.Case.Dealloc ? "deallocated" : "kept").Distinct())))
            .ToList();
        return byCopy.Select(c => c.Kept).Distinct().Count() == 1
            ? $"{string.Join(" or ", byCopy.Select(c => c.Copy))}, {byCopy[0].Kept}"
            : string.Join("; ", byCopy.Select(c => $"{c.Copy}, {c.Kept}"));
    }
}

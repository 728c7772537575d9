using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// One of the article's OOL cases sent from one kind of memory: purgeable as the article did,
/// anonymous as an ordinary program's vm_allocate, malloc'ed as most programs' buffers (never
/// deallocated through a message: that would unmap part of the heap).
/// </summary>
public sealed record OolCase(MemoryKind Memory, ArticleCase Article)
{
    public static readonly IReadOnlyList<OolCase> All =
    [
        .. ArticleCase.All.Select(a => new OolCase(MemoryKind.Purgeable, a)),
        .. ArticleCase.All.Select(a => new OolCase(MemoryKind.Anonymous, a)),
        .. ArticleCase.All.Where(a => !a.Dealloc).Select(a => new OolCase(MemoryKind.Malloc, a)),
    ];

    [Observed("ool-cases", "the article's eight OOL cases for each kind of memory, seen from both tasks")]
    public static IEnumerable<IScenario> EveryCase => All.Select(c => c.Scenario);

    /// <summary>The case a spec names, e.g. "anonymous memory, virtual copy, 16 pages, kept".</summary>
    public static OolCase Described(string description) =>
        All.SingleOrDefault(c => c.Description == description)
        ?? throw new ArgumentException($"No OOL case is described as '{description}'; the cases are: {string.Join("; ", All.Select(c => c.Description))}.", nameof(description));

    public string Description => $"{ProbeWords.Of(Memory)} memory, {Article.Description}";

    public CopyOption Copy => Article.Copy;

    public bool Dealloc => Article.Dealloc;

    /// <summary>Above the small-copy size on every kernel: sixteen pages of even 4 KiB are 64 KiB.</summary>
    public bool Large => Article.Pages == ArticleCase.Large;

    public OolTransferScenario Scenario => new(Memory, Article.Copy, OolSize.Pages(Article.Pages), Article.Dealloc);

    public override string ToString() => Description;
}

using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// One of the article's eight OOL test cases: a copy option, one page or sixteen, and
/// whether the sender deallocates. The sender writes only the first page. Specs name a
/// case by its <see cref="Description"/> (through <see cref="OolCase"/>); its
/// <see cref="Number"/> is for the article's own table.
/// </summary>
public sealed record ArticleCase(int Number, CopyOption Copy, long Pages, bool Dealloc)
{
    public const long Small = 1;
    public const long Large = 16;

    public static readonly IReadOnlyList<ArticleCase> All =
    [
        new(1, CopyOption.Virtual, Small, false),
        new(2, CopyOption.Virtual, Small, true),
        new(3, CopyOption.Virtual, Large, false),
        new(4, CopyOption.Virtual, Large, true),
        new(5, CopyOption.Physical, Small, false),
        new(6, CopyOption.Physical, Small, true),
        new(7, CopyOption.Physical, Large, false),
        new(8, CopyOption.Physical, Large, true),
    ];

    /// <summary>The case in the article's own table.</summary>
    public static ArticleCase Numbered(int number) =>
        All.SingleOrDefault(c => c.Number == number) ?? throw new ArgumentOutOfRangeException(nameof(number), number, "The article has cases 1 to 8.");

    /// <summary>The case in words: "virtual copy, 16 pages, kept" or "physical copy, 1 page, deallocated".</summary>
    public string Description => $"{Copy.InWords()}, {OolSize.Pages(Pages).InWords}, {(Dealloc ? "deallocated" : "kept")}";

    /// <summary>The article's name, e.g. "VIRTUAL;PAGEx16;NO_FREE".</summary>
    public string Name => $"{ProbeWords.Of(Copy).ToUpperInvariant()};{(Pages == Small ? "PAGE" : $"PAGEx{Pages}")};{(Dealloc ? "FREE" : "NO_FREE")}";

    /// <summary>The case as the article ran it: its buffers were purgeable (vm_allocate flags 3).</summary>
    public OolCase AsTheArticleRanIt => new(MemoryKind.Purgeable, this);

    public override string ToString() => Description;
}

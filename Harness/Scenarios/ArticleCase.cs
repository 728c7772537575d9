namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// One of the article's eight OOL test cases: a copy option, one page or sixteen, and
/// whether the sender deallocates. The sender writes only the first page.
/// </summary>
public sealed record ArticleCase(int Number, string Copy, long Pages, bool Dealloc)
{
    public const long Small = 1;
    public const long Large = 16;

    public static readonly IReadOnlyList<ArticleCase> All =
    [
        new(1, "virtual", Small, false),
        new(2, "virtual", Small, true),
        new(3, "virtual", Large, false),
        new(4, "virtual", Large, true),
        new(5, "physical", Small, false),
        new(6, "physical", Small, true),
        new(7, "physical", Large, false),
        new(8, "physical", Large, true),
    ];

    public static ArticleCase Numbered(int number) =>
        All.SingleOrDefault(c => c.Number == number) ?? throw new ArgumentOutOfRangeException(nameof(number), number, "The article has cases 1 to 8.");

    /// <summary>The article's name, e.g. "VIRTUAL;PAGEx16;NO_FREE".</summary>
    public string Name => $"{Copy.ToUpperInvariant()};{(Pages == Small ? "PAGE" : $"PAGEx{Pages}")};{(Dealloc ? "FREE" : "NO_FREE")}";

    public OolTransferScenario Scenario => new(Copy, OolSize.Pages(Pages), Dealloc);

    public override string ToString() => $"case {Number} {Name}";
}

using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>How much an OOL descriptor carries: whole pages of the running kernel, or an exact byte count.</summary>
public sealed record OolSize(SizeUnit Unit, long Count)
{
    public static OolSize Pages(long count) => new(SizeUnit.Pages, count);

    public static OolSize Bytes(long count) => new(SizeUnit.Bytes, count);

    /// <summary>The size in a case name: "1-page", "16-pages", "32769-bytes".</summary>
    public string Name => Unit == SizeUnit.Pages ? (Count == 1 ? "1-page" : $"{Count}-pages") : $"{Count}-bytes";

    /// <summary>The size for a reader: "1 page", "16 pages", "32769 bytes".</summary>
    public string InWords => Unit == SizeUnit.Pages ? (Count == 1 ? "1 page" : $"{Count} pages") : $"{Count} bytes";

    /// <summary>The probe's option pair, e.g. <c>--pages 16</c>.</summary>
    public IReadOnlyList<string> Arguments => ["--" + ProbeWords.Of(Unit), Normalise.Count(Count)];
}

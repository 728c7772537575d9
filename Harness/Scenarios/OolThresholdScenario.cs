using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// The size up to which XNU copies a VIRTUAL_COPY payload eagerly (msg_ool_size_small): one
/// transfer per size, each to a fresh receiver, from one page upward past 64 KiB and at
/// byte sizes around 32 KiB.
/// </summary>
public sealed record OolThresholdScenario : IScenario<OolThresholdSweep>
{
    const long Kib = 1024;

    [Observed("ool-threshold", "the largest VIRTUAL_COPY payload copied eagerly")]
    public static IEnumerable<IScenario> Sweep => [new OolThresholdScenario()];

    public string Family => OolTransferScenario.FamilyName;

    public string Case => "small-copy-threshold";

    public IReadOnlyList<Kernel> Kernels => [Kernel.Xnu];

    public static IReadOnlyList<OolSize> Sizes(long pageSize) =>
    [
        .. Enumerable.Range(1, (int)(64 * Kib / pageSize) + 1).Select(pages => OolSize.Pages(pages)),
        OolSize.Bytes(32 * Kib - 1),
        OolSize.Bytes(32 * Kib),
        OolSize.Bytes(32 * Kib + 1),
    ];

    public static OolTransferScenario Transfer(OolSize size) => new(MemoryKind.Anonymous, CopyOption.Virtual, size, Dealloc: false);

    public OolThresholdSweep Observe(ProbeRunner probe)
    {
        var first = Transfer(OolSize.Pages(1)).Observe(probe);
        var verdicts = Sizes(first.PageSize)
            .Select(size => size == OolSize.Pages(1) ? first : Transfer(size).Observe(probe))
            .Select(OolCopyVerdict.Of)
            .OrderBy(v => v.Bytes)
            .ToList();
        return new OolThresholdSweep(verdicts);
    }

    public string Render(OolThresholdSweep observation) =>
        new MarkdownReport()
            .Heading(1, "Small-copy threshold: VIRTUAL_COPY without deallocate")
            .Paragraph(
                "One `oolprobe ool-transfer --copy virtual --dealloc no` per size, each to a fresh receiver; the sender writes its first page only. " +
                "An eager copy leaves every page of the received data resident; a virtual one only the written page " +
                "(a one-page payload is told by whether the receiver maps the sender's VM object).")
            .Table(
                ["size (bytes)", "pages", "resident in receiver", "receiver maps the sender's object", "copy"],
                observation.Verdicts.Select(v => (IReadOnlyList<string>)
                [
                    Normalise.Count(v.Bytes), Normalise.Count(v.Pages), Normalise.Count(v.ResidentPages), Normalise.YesNo(v.SameObjectAsSender), v.Eager ? "eager" : "virtual",
                ]))
            .Paragraph($"Largest size copied eagerly: {(observation.Threshold is { } t ? $"{Normalise.Count(t)} bytes" : "none")}.")
            .ToString();
}

using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// The size up to which XNU copies a VIRTUAL_COPY payload into a kernel buffer at send
/// (msg_ool_size_small): one transfer of anonymous memory per size, each to a fresh receiver,
/// in whole pages from one page to one page past 64 KiB, and a byte either side of 16 KiB and
/// 32 KiB (the threshold on x86_64 and on arm64).
/// </summary>
public sealed record OolThresholdScenario : IScenario<OolThresholdSweep>
{
    const long Kib = 1024;

    [Observed("ool-threshold", "the largest VIRTUAL_COPY payload copied eagerly")]
    public static IEnumerable<IScenario> Sweep => [new OolThresholdScenario()];

    public string Family => OolTransferScenario.FamilyName;

    public string WhyOnlyItsKernels => OolTransferScenario.NeedsMachMessages;

    public string Case => "small-copy-threshold";

    public IReadOnlyList<Kernel> Kernels => [Kernel.Xnu];

    /// <summary>Every size once: a byte count that is a whole number of pages is already among the page counts.</summary>
    public static IReadOnlyList<OolSize> Sizes(long pageSize) =>
    [
        .. Enumerable.Range(1, (int)(64 * Kib / pageSize) + 1).Select(pages => OolSize.Pages(pages)),
        .. new[] { 16 * Kib, 32 * Kib }
            .SelectMany(kib => new[] { kib - 1, kib, kib + 1 })
            .Where(bytes => bytes % pageSize != 0)
            .Select(OolSize.Bytes),
    ];

    public static OolTransferScenario Transfer(OolSize size) => new(MemoryKind.Anonymous, CopyOption.Virtual, size, Dealloc: false);

    public OolThresholdSweep Observe(ProbeRunner probe)
    {
        var first = Transfer(OolSize.Pages(1)).Observe(probe);
        var points = Sizes(first.PageSize)
            .Select(size => size == OolSize.Pages(1) ? first : Transfer(size).Observe(probe))
            .Select(ThresholdPoint.Of)
            .OrderBy(p => p.Bytes)
            .ToList();
        return new OolThresholdSweep(points);
    }

    public string Render(OolThresholdSweep observation) =>
        new MarkdownReport()
            .Heading(1, "Small-copy threshold: VIRTUAL_COPY of anonymous memory, kept")
            .Paragraph(
                "One `oolprobe ool-transfer --memory anonymous --copy virtual --dealloc no` per size, each to a fresh receiver; the sender writes its first page only. " +
                "The path is read from the receiver's user_tag and VM object: tag 0 is a kernel buffer's copyout, the sender's tag an entry list " +
                "(the sender's own object, or a new one), tag 20 a misaligned copyout.")
            .Table(
                ["size (bytes)", "pages", "receiver user_tag", "resident in receiver", "receiver maps the sender's object", "path"],
                observation.Points.Select(p => (IReadOnlyList<string>)
                [
                    Normalise.Count(p.Bytes), Normalise.Count(p.Pages), Normalise.Count(p.ReceiverTag), Normalise.Count(p.ResidentPages),
                    Normalise.YesNo(p.SameObjectAsSender), p.Path.InWords(),
                ]))
            .Paragraph($"Largest size copied through a kernel buffer: {(observation.Threshold is { } t ? $"{Normalise.Count(t)} bytes" : "none")}.")
            .ToString();
}

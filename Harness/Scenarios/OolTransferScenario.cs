using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// One OOL transfer: the sender allocates, writes the first page (or all), and sends the
/// buffer in <see cref="Messages"/> messages' OOL descriptors to a receiver it spawned.
/// </summary>
public sealed record OolTransferScenario(
    MemoryKind Memory,
    CopyOption Copy,
    OolSize Size,
    bool Dealloc,
    Fill Fill = Fill.First,
    Fill ReceiverFill = Fill.First,
    int Messages = 1) : ProbeScenario<OolTransferRun>
{
    public const string FamilyName = "OolTransfer";

    /// <summary>Two one-page receptions into one receiver: where adjacent receptions coalesce.</summary>
    public static readonly OolTransferScenario TwoAdjacentReceptions = new(MemoryKind.Purgeable, CopyOption.Virtual, OolSize.Pages(1), Dealloc: false, Messages: 2);

    [Observed("ool-coalesce", "two receptions landing side by side in one receiver")]
    public static IEnumerable<IScenario> Coalescing => [TwoAdjacentReceptions];

    public override string Family => FamilyName;

    public override IReadOnlyList<Kernel> Kernels => [Kernel.Xnu];

    public override string Case => string.Join('-', new[]
    {
        ProbeWords.Of(Memory), ProbeWords.Of(Copy), Size.Name, Dealloc ? "free" : "no-free",
        Fill == Fill.All ? "fill-all" : null,
        ReceiverFill == Fill.All ? "receiver-fill-all" : null,
        Messages > 1 ? $"{Messages}-messages" : null,
    }.Where(part => part is not null));

    public override IReadOnlyList<string> Arguments =>
    [
        "ool-transfer", "--memory", ProbeWords.Of(Memory), "--copy", ProbeWords.Of(Copy), .. Size.Arguments, "--dealloc", Dealloc ? "yes" : "no",
        "--fill", ProbeWords.Of(Fill), "--receiver-fill", ProbeWords.Of(ReceiverFill), "--messages", Normalise.Count(Messages),
    ];

    /// <summary>The receiver's view first (descriptor, region), then the sender's, every step a table.</summary>
    public override string Render(OolTransferRun observation)
    {
        var run = observation;
        var report = new MarkdownReport().Heading(1, $"OOL transfer: {Case}");
        report.Paragraph(
            $"`{Command}`: {run.Bytes} bytes ({run.DataPages} page(s) of {run.PageSize / 1024} KiB). " +
            "Regions are placed relative to each message's data, in pages; VM objects are lettered in the order they first appear, " +
            "the same letter in both tasks being the same object.");
        var objects = new IdentityLabels();
        foreach (var sent in run.Sender)
        {
            // Letter the sender's objects first, so "A" is always the sender's buffer.
            objects.For(sent.Steps[0].Region.ObjectId);
        }

        foreach (var received in run.Receiver.Messages)
        {
            report.Heading(2, $"Receiver: message {received.Message} descriptor");
            report.Facts(DescriptorFacts(received.Descriptor));
            foreach (var step in received.Steps)
            {
                report.Heading(2, $"Receiver: message {received.Message} {step.Step}");
                report.Facts(RegionFacts(step, received.Descriptor.Address, run.PageSize, objects));
            }
        }

        foreach (var sent in run.Sender)
        {
            foreach (var step in sent.Steps)
            {
                report.Heading(2, $"Sender: message {sent.Message} {step.Step}");
                report.Facts(RegionFacts(step, sent.Buffer, run.PageSize, objects));
            }

            if (run.Dealloc)
            {
                report.Paragraph("The sender deallocated the buffer with the message: it has no region to show after the send.");
            }
        }

        return report.ToString();
    }

    static IEnumerable<(string Name, string Value)> DescriptorFacts(OolDescriptor descriptor)
    {
        yield return ("copy", descriptor.Copy.ArticleName());
        yield return ("size (bytes)", Normalise.Count(descriptor.Size));
        yield return ("deallocate", Normalise.YesNo(descriptor.Deallocate));
    }

    static IEnumerable<(string Name, string Value)> RegionFacts(TaskRegionStep step, ulong data, long pageSize, IdentityLabels objects) =>
        XnuRegionFacts.Of(step.Region, data, pageSize, objects)
            .Append(("top object", step.ChainBottomObjectId == 0 ? "none" : objects.For(step.ChainBottomObjectId)));
}

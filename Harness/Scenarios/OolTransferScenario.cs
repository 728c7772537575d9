using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.Scenarios;

/// <summary>How much an OOL descriptor carries: whole pages of the running kernel, or an exact byte count.</summary>
public sealed record OolSize(string Unit, long Count)
{
    public static OolSize Pages(long count) => new("pages", count);

    public static OolSize Bytes(long count) => new("bytes", count);

    public string Name => Unit == "pages" ? (Count == 1 ? "1-page" : $"{Count}-pages") : $"{Count}-bytes";
}

/// <summary>
/// One OOL transfer: the sender allocates, writes the first page (or all), and sends the
/// buffer in <see cref="Messages"/> messages' OOL descriptors to a receiver it spawned.
/// </summary>
public sealed record OolTransferScenario(
    string Copy,
    OolSize Size,
    bool Dealloc,
    string Fill = "first",
    string ReceiverFill = "first",
    int Messages = 1)
{
    public const string Family = "OolTransfer";

    /// <summary>Two one-page receptions into one receiver: where adjacent receptions coalesce.</summary>
    public static readonly OolTransferScenario TwoAdjacentReceptions = new("virtual", OolSize.Pages(1), Dealloc: false, Messages: 2);

    public string Case => string.Join('-', new[]
    {
        Copy, Size.Name, Dealloc ? "free" : "no-free",
        Fill == "all" ? "fill-all" : null,
        ReceiverFill == "all" ? "receiver-fill-all" : null,
        Messages > 1 ? $"{Messages}-messages" : null,
    }.Where(part => part is not null));

    public IReadOnlyList<string> Arguments =>
    [
        "ool-transfer", "--copy", Copy, $"--{Size.Unit}", Normalise.Count(Size.Count), "--dealloc", Dealloc ? "yes" : "no",
        "--fill", Fill, "--receiver-fill", ReceiverFill, "--messages", Normalise.Count(Messages),
    ];

    public string Command => "oolprobe " + string.Join(' ', Arguments);

    public OolTransferRun Observe(ProbeRunner probe) => ProbeJson.Parse<OolTransferRun>(probe.Run([.. Arguments]), Command);

    /// <summary>The receiver's view first (descriptor, region), then the sender's, every step a table.</summary>
    public string Render(OolTransferRun run)
    {
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
                report.Facts(OolRegionFacts.Of(step, received.Descriptor.Address, run.PageSize, objects));
            }
        }

        foreach (var sent in run.Sender)
        {
            foreach (var step in sent.Steps)
            {
                report.Heading(2, $"Sender: message {sent.Message} {step.Step}");
                report.Facts(OolRegionFacts.Of(step, sent.Buffer, run.PageSize, objects));
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
        yield return ("copy", OolCopyOption.Name(descriptor.Copy));
        yield return ("size (bytes)", Normalise.Count(descriptor.Size));
        yield return ("deallocate", Normalise.YesNo(descriptor.Deallocate));
    }
}

/// <summary>A task's region at one step of an OOL transfer: the region's fields and its top object.</summary>
public static class OolRegionFacts
{
    public static IEnumerable<(string Name, string Value)> Of(TaskRegionStep step, ulong data, long pageSize, IdentityLabels objects) =>
        XnuRegionFacts.Of(step.Region, data, pageSize, objects)
            .Append(("top object", step.TopObjectId == 0 ? "none" : objects.For(step.TopObjectId)));
}

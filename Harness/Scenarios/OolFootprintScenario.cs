using System.Globalization;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// A large VIRTUAL_COPY whose sender fills every page and keeps its buffer, and whose
/// receiver later writes every page: the payload in bytes is <see cref="Bytes"/>.
/// </summary>
public sealed record OolFootprintScenario(long Bytes) : IScenario<OolTransferRun>
{
    public const string LargeBytesVariable = "OOLSPECS_LARGE_BYTES";
    public const long DefaultBytes = 64L * 1024 * 1024;

    [Observed("ool-footprint", "who is charged for a large VIRTUAL_COPY (OOLSPECS_LARGE_BYTES)")]
    public static IEnumerable<IScenario> Large => [FromEnvironment()];

    public static OolFootprintScenario FromEnvironment() => new(BytesFromEnvironment());

    public static long BytesFromEnvironment() => BytesFrom(Environment.GetEnvironmentVariable(LargeBytesVariable));

    /// <summary>The payload <see cref="LargeBytesVariable"/> set to <paramref name="text"/> asks for (unset or blank: the default).</summary>
    public static long BytesFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultBytes;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes is >= 1024 * 1024 and <= 2L * 1024 * 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? bytes
            : throw new ArgumentException($"{LargeBytesVariable}='{text}' must be a whole number of MiB in bytes, from 1 MiB to 2 GiB (the case is named in MiB), e.g. 268435456 for the article's 256 MiB; unset it for 64 MiB.");
    }

    public OolTransferScenario Transfer => new(MemoryKind.Anonymous, CopyOption.Virtual, OolSize.Bytes(Bytes), Dealloc: false, Fill: Fill.All, ReceiverFill: Fill.All);

    public string Family => OolTransferScenario.FamilyName;

    public string WhyOnlyItsKernels => OolTransferScenario.NeedsMachMessages;

    public string Case => $"footprint-{Bytes / (1024 * 1024)}MiB";

    public IReadOnlyList<Kernel> Kernels => Transfer.Kernels;

    public OolTransferRun Observe(ProbeRunner probe) => Transfer.Observe(probe);

    public string Render(OolTransferRun observation)
    {
        var footprint = new OolFootprint(observation);
        return new MarkdownReport()
            .Heading(1, $"Footprint of a {observation.Bytes / (1024 * 1024)} MiB VIRTUAL_COPY")
            .Paragraph(
                $"`{Transfer.Command}`: the sender fills every page and keeps its buffer; the receiver later writes every page. " +
                $"Each cell is the task's phys_footprint change as a fraction of the payload, rounded to {OolFootprint.Decimals} decimal.")
            .Table(
                ["task", "step", "change since", "footprint change (of payload)"],
                [
                    ["receiver", OolSteps.Received, "before receiving", OolFootprint.Tenths(footprint.ReceiverCharge(OolSteps.Received))],
                    ["receiver", OolSteps.AfterWrite, "before receiving", OolFootprint.Tenths(footprint.ReceiverCharge(OolSteps.AfterWrite))],
                    ["sender", OolSteps.Queued, OolSteps.BeforeSend, OolFootprint.Tenths(footprint.SenderCharge(OolSteps.Queued))],
                    ["sender", OolSteps.AfterReceive, OolSteps.BeforeSend, OolFootprint.Tenths(footprint.SenderCharge(OolSteps.AfterReceive))],
                    ["sender", OolSteps.AfterReceiverWrite, OolSteps.BeforeSend, OolFootprint.Tenths(footprint.SenderCharge(OolSteps.AfterReceiverWrite))],
                ])
            .ToString();
    }
}

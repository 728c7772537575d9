using System.Globalization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// Who is charged for a large VIRTUAL_COPY: each task's phys_footprint change, as a fraction
/// of the payload, after the receiver receives and after it writes every page.
/// </summary>
public sealed record OolFootprint(OolTransferRun Run)
{
    public const string LargeBytesVariable = "OOLSPECS_LARGE_BYTES";
    public const long DefaultBytes = 64L * 1024 * 1024;

    /// <summary>Fractions are rounded to tenths: far coarser than allocator noise on a 64 MiB payload.</summary>
    public const int Decimals = 1;

    public static OolTransferScenario Transfer(long bytes) =>
        new("virtual", OolSize.Bytes(bytes), Dealloc: false, Fill: "all", ReceiverFill: "all");

    public static long BytesFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(LargeBytesVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultBytes;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes is >= 1024 * 1024 and <= 2L * 1024 * 1024 * 1024
            ? bytes
            : throw new ArgumentException($"{LargeBytesVariable}='{text}' must be a byte count from 1 MiB to 2 GiB, e.g. 268435456 for the article's 256 MiB; unset it for 64 MiB.");
    }

    public static OolFootprint Observe(ProbeRunner probe, long bytes) => new(Transfer(bytes).Observe(probe));

    public string Case => $"footprint-{Run.Bytes / (1024 * 1024)}MiB";

    OolReceivedMessage Received => Run.Receiver.Messages[0];

    /// <summary>The receiver's footprint change since just before it received, as a fraction of the payload.</summary>
    public decimal ReceiverCharge(string step) => Fraction(Received.Step(step).PhysFootprint - Run.Receiver.FootprintBeforeReceive);

    /// <summary>The sender's footprint change since its buffer was filled, as a fraction of the payload.</summary>
    public decimal SenderCharge(string step)
    {
        var steps = Run.Sender[0];
        var baseline = steps.Step(OolSteps.BeforeSend) ?? throw new InvalidOperationException("The sender reported no before-send step.");
        var at = steps.Step(step) ?? throw new InvalidOperationException($"The sender reported no {step} step.");
        return Fraction(at.PhysFootprint - baseline.PhysFootprint);
    }

    decimal Fraction(long bytes) => Math.Round((decimal)bytes / Run.Bytes, Decimals, MidpointRounding.AwayFromZero);

    public string Render() =>
        new MarkdownReport()
            .Heading(1, $"Footprint of a {Run.Bytes / (1024 * 1024)} MiB VIRTUAL_COPY")
            .Paragraph(
                $"`{Transfer(Run.Bytes).Command}`: the sender fills every page and keeps its buffer; the receiver later writes every page. " +
                $"Each cell is the task's phys_footprint change as a fraction of the payload, rounded to {Decimals} decimal.")
            .Table(
                ["task", "step", "change since", "footprint change (of payload)"],
                [
                    ["receiver", OolSteps.Received, "before receiving", Tenths(ReceiverCharge(OolSteps.Received))],
                    ["receiver", OolSteps.AfterWrite, "before receiving", Tenths(ReceiverCharge(OolSteps.AfterWrite))],
                    ["sender", OolSteps.Queued, OolSteps.BeforeSend, Tenths(SenderCharge(OolSteps.Queued))],
                    ["sender", OolSteps.AfterReceive, OolSteps.BeforeSend, Tenths(SenderCharge(OolSteps.AfterReceive))],
                    ["sender", OolSteps.AfterReceiverWrite, OolSteps.BeforeSend, Tenths(SenderCharge(OolSteps.AfterReceiverWrite))],
                ])
            .ToString();

    static string Tenths(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// Who is charged for a large VIRTUAL_COPY: each task's phys_footprint change, as a fraction
/// of the payload, after the receiver receives and after it writes every page.
/// </summary>
public sealed record OolFootprint(OolTransferRun Run)
{
    /// <summary>Fractions are rounded to tenths: far coarser than allocator noise on a 64 MiB payload.</summary>
    public const int Decimals = 1;

    OolReceivedMessage Received => Run.Receiver.Messages[0];

    /// <summary>The receiver's footprint change since just before it received, as a fraction of the payload.</summary>
    public decimal ReceiverCharge(string step) =>
        Fraction(Received.Step(step).PhysFootprint - (Run.Receiver.FootprintBeforeReceive ?? throw new InvalidOperationException("The receiver received nothing: the send was refused.")));

    /// <summary>The sender's footprint change since its buffer was filled, as a fraction of the payload.</summary>
    public decimal SenderCharge(string step)
    {
        var steps = Run.Sender[0];
        return Fraction(steps.StepOrFail(step).PhysFootprint - steps.StepOrFail(OolSteps.BeforeSend).PhysFootprint);
    }

    public static string Tenths(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    decimal Fraction(long bytes) => Math.Round((decimal)bytes / Run.Bytes, Decimals, MidpointRounding.AwayFromZero);
}

namespace OolSpecs.Harness.Scenarios;

/// <summary>One eager-or-virtual verdict per payload size, smallest first.</summary>
public sealed record OolThresholdSweep(IReadOnlyList<OolCopyVerdict> Verdicts)
{
    /// <summary>The largest size copied eagerly, in bytes; null when none was.</summary>
    public long? Threshold => Verdicts.Where(v => v.Eager).Select(v => (long?)v.Bytes).Max();
}

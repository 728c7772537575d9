using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Probe;

/// <summary>
/// Marks a record as the whole JSON document an `oolprobe` subcommand prints, on the kernels
/// given (none given: every kernel). The contract tests start from these records and follow
/// their required members, so a new subcommand's record is checked against the C sources by
/// carrying this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ProbeOutputAttribute(string subcommand, params Kernel[] kernels) : Attribute
{
    public string Subcommand { get; } = subcommand;

    public IReadOnlyList<Kernel> Kernels { get; } = kernels.Length > 0 ? kernels : Enum.GetValues<Kernel>();
}

using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>
/// A documented behaviour of one kernel, as one sentence, written once: assertions, failure
/// messages and docs/specs.md all quote it from here.
/// </summary>
public sealed record Claim(Kernel Kernel, string Sentence)
{
    public override string ToString() => Sentence;
}

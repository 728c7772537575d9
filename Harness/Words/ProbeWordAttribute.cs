namespace OolSpecs.Harness.Words;

/// <summary>
/// The word `oolprobe` uses for an enum member, on its command line and in its JSON. An
/// enum member without one has no word: the probe neither takes nor prints it.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ProbeWordAttribute(string word) : Attribute
{
    public string Word { get; } = word;
}

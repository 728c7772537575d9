namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// Marks a public static property that lists scenarios (an <see cref="IEnumerable{T}"/> of
/// <see cref="IScenario"/>) as something `oolspecs observe &lt;name&gt;` runs and prints. The
/// catalogue finds these by reflection, so a new family is observable by declaring one.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ObservedAttribute(string name, string summary) : Attribute
{
    public string Name { get; } = name;

    public string Summary { get; } = summary;
}

using System.Reflection;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// A group of scenarios `oolspecs observe` can run and print. The scenarios are listed only
/// when asked for: a listing may read settings (OOLSPECS_LARGE_BYTES) that can be wrong.
/// </summary>
public sealed class ObservableScenario(string name, string summary, Func<IReadOnlyList<IScenario>> scenarios)
{
    readonly Lazy<IReadOnlyList<IScenario>> listed = new(scenarios);

    public string Name { get; } = name;

    public string Summary { get; } = summary;

    public IReadOnlyList<IScenario> Scenarios => listed.Value;

    /// <summary>The kernels that run at least one scenario of the group.</summary>
    public IReadOnlyList<Kernel> Kernels =>
        [.. Enum.GetValues<Kernel>().Where(kernel => Scenarios.Any(s => s.Kernels.Contains(kernel)))];

    /// <summary>The group's scenarios that <paramref name="kernel"/> runs: a group may hold modes of several kernels.</summary>
    public IReadOnlyList<IScenario> ScenariosOn(Kernel kernel) => [.. Scenarios.Where(s => s.Kernels.Contains(kernel))];
}

/// <summary>Every <see cref="ObservedAttribute"/> group of this assembly, by name.</summary>
public static class ScenarioCatalogue
{
    public static readonly IReadOnlyList<ObservableScenario> All =
    [
        .. typeof(ScenarioCatalogue).Assembly.GetTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Select(property => (Property: property, Observed: property.GetCustomAttribute<ObservedAttribute>()))
            .Where(found => found.Observed is not null)
            .Select(found => new ObservableScenario(
                found.Observed!.Name,
                found.Observed.Summary,
                () => [.. ((IEnumerable<IScenario>)found.Property.GetValue(null)!)]))
            .OrderBy(scenario => scenario.Name, StringComparer.Ordinal),
    ];
}

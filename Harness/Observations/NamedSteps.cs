namespace OolSpecs.Harness.Observations;

/// <summary>One step of a probe run, by the name the probe gives it.</summary>
public interface INamedStep
{
    string Step { get; }
}

public static class NamedSteps
{
    /// <summary>The one step of that name; a run without it, or with it twice, says so and names the steps it has (<paramref name="run"/> says which run).</summary>
    public static T Named<T>(this IReadOnlyList<T> steps, string name, string run) where T : INamedStep
    {
        var named = steps.Where(s => s.Step == name).ToList();
        return named.Count == 1
            ? named[0]
            : throw new InvalidOperationException($"{run} {(named.Count == 0 ? $"has no step '{name}'" : $"has step '{name}' {named.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} times")}; it has {string.Join(", ", steps.Select(s => s.Step))}.");
    }
}

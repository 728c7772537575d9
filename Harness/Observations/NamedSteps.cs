namespace OolSpecs.Harness.Observations;

/// <summary>One step of a probe run, by the name the probe gives it.</summary>
public interface INamedStep
{
    string Step { get; }
}

public static class NamedSteps
{
    /// <summary>The step of that name; a run without it names the steps it has (<paramref name="run"/> says which run).</summary>
    public static T Named<T>(this IReadOnlyList<T> steps, string name, string run) where T : INamedStep =>
        steps.SingleOrDefault(s => s.Step == name)
        ?? throw new InvalidOperationException($"{run} has no step '{name}'; it has {string.Join(", ", steps.Select(s => s.Step))}.");
}

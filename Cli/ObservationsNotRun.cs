using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// A chosen group, or one scenario of it, that this kernel does not run, and why: `observe` says
/// what it left out instead of leaving it silently absent. <see cref="Case"/> is null when the
/// whole group needs another kernel.
/// </summary>
public sealed record NotRun(string Observe, string? Case, string Reason)
{
    /// <summary>The group's name, and the case when only part of the group was left out ("fork-inherit default").</summary>
    public string Name => Case is null ? Observe : $"{Observe} {Case}";
}

public static class ObservationsNotRun
{
    /// <summary>Every group of <paramref name="chosen"/> this kernel cannot run at all, and every scenario of the others it leaves out, in catalogue order.</summary>
    public static IReadOnlyList<NotRun> On(Platform platform, IEnumerable<ObservableScenario> chosen) =>
    [
        .. chosen.SelectMany(group =>
        {
            var here = ScenarioSelection.ScenariosOf(group, platform.Kernel);
            var elsewhere = group.Scenarios.Except(here).ToList();
            return here.Count == 0
                ? [new NotRun(group.Name, null, Reason(platform, group.Kernels))]
                : elsewhere.Select(scenario => new NotRun(group.Name, scenario.Case, Reason(platform, scenario.Kernels)));
        }),
    ];

    static string Reason(Platform platform, IReadOnlyList<Kernel> kernels) =>
        $"needs {string.Join(" or ", kernels.Select(k => k.Title()))}{(kernels.Contains(Kernel.Xnu) ? ", on a Mac" : "")}; this is {platform}";
}

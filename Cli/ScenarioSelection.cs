using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Cli;

/// <summary>Turns the scenario names on a command line into the catalogue's groups, and says which of them this kernel runs.</summary>
public static class ScenarioSelection
{
    public static string Known => string.Join(", ", ScenarioCatalogue.All.Select(s => s.Name));

    /// <summary>The named groups in catalogue order (all of them when none is named).</summary>
    public static IReadOnlyList<ObservableScenario> Named(IReadOnlyList<string> names, string command)
    {
        foreach (var name in names)
        {
            if (name.StartsWith('-'))
            {
                throw new UsageException($"{command}: unknown option '{name}'. Run `oolspecs {command} --help` for its options.");
            }

            if (ScenarioCatalogue.All.All(s => s.Name != name))
            {
                throw new UsageException($"{command}: unknown scenario '{name}'; known: {Known}.");
            }
        }

        return [.. ScenarioCatalogue.All.Where(s => names.Count == 0 || names.Contains(s.Name))];
    }

    /// <summary>
    /// The groups this kernel runs. A group named on the command line that needs another kernel
    /// is an error; unnamed ones are left out (and listed in <paramref name="notHere"/>).
    /// </summary>
    public static IReadOnlyList<ObservableScenario> RunnableOn(
        Platform platform, IReadOnlyList<ObservableScenario> chosen, bool named, out IReadOnlyList<ObservableScenario> notHere)
    {
        var other = chosen.Where(s => !KernelsOf(s).Contains(platform.Kernel)).ToList();
        if (named && other.Count > 0)
        {
            var needs = string.Join(" or ", KernelsOf(other[0]).Select(k => k.Title()));
            throw new NeedsAnotherKernelException(
                $"scenario '{other[0].Name}' needs {needs}; this is {platform}. Run it on a machine with {needs}" +
                (KernelsOf(other[0]).Contains(Kernel.Xnu) ? " (a Mac), or read the article's numbers in docs/behaviour-matrix.md." : "."));
        }

        notHere = other;
        return [.. chosen.Except(other)];
    }

    /// <summary>
    /// A group's scenarios that <paramref name="kernel"/> runs. They are listed when asked for,
    /// which reads settings such as OOLSPECS_LARGE_BYTES: a wrong one is bad input.
    /// </summary>
    public static IReadOnlyList<IScenario> ScenariosOf(ObservableScenario group, Kernel kernel)
    {
        try
        {
            return group.ScenariosOn(kernel);
        }
        catch (Exception e) when (e is ArgumentException || e.InnerException is ArgumentException)
        {
            // The catalogue lists through reflection, which wraps what the listing threw.
            throw new UsageException((e as ArgumentException ?? e.InnerException!).Message);
        }
    }

    static IReadOnlyList<Kernel> KernelsOf(ObservableScenario group)
    {
        ScenariosOf(group, Kernel.Xnu);
        return group.Kernels;
    }
}

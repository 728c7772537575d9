using Spectre.Console;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// A status line while something slow runs, drawn only on a terminal: in a file, a pipe or a
/// CI log it would be noise between the tables.
/// </summary>
public static class Progress
{
    /// <summary>Runs <paramref name="work"/> under a status line reading <paramref name="what"/>, for work done in <paramref name="steps"/> numbered steps it reports as it starts each.</summary>
    public static T While<T>(CliSession session, string what, int steps, Func<Action<int>, T> work)
    {
        if (!session.Interactive)
        {
            return work(_ => { });
        }

        return session.Console.Status().Start(Markup.Escape(what) + "…", context =>
            work(step => context.Status(Markup.Escape($"{what}: {step} of {steps}") + "…")));
    }
}

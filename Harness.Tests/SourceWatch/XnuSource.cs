using OolSpecs.Harness.SourceWatch;

namespace OolSpecs.Harness.Tests.SourceWatch;

/// <summary>OOLSPECS_XNU_SOURCE: a clone of apple-oss-distributions/xnu (a git dir or work tree), which the source checks need.</summary>
public static class XnuSource
{
    public const string Variable = Harness.Docs.SourceWatchPage.Variable;

    public static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    /// <summary>The clone, or a skip that says what the check needs.</summary>
    public static GitSourceTree OpenOrSkip(string check)
    {
        Skip.If(Configured is null, $"{Variable} is not set: {check} needs a clone of apple-oss-distributions/xnu (a git dir or work tree); set {Variable} to its folder.");
        return GitSourceTree.Open(Configured!, Variable);
    }
}

using OolSpecs.Harness.Platforms;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// What a run on CI is told, and the artifacts the workflow (.github/workflows/specs.yml) names
/// after the platform: `received-&lt;release&gt;-&lt;arch&gt;` holds the received snapshots,
/// `determinism-&lt;release&gt;-&lt;arch&gt;` the report of observing each scenario several times.
/// </summary>
public static class ContinuousIntegration
{
    /// <summary>True where CI says so: GitHub Actions sets both variables, most other CI systems set CI.</summary>
    public static bool IsRunning(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return IsTrue(variable("GITHUB_ACTIONS")) || IsTrue(variable("CI"));
    }

    public static bool IsRunning() => IsRunning(Environment.GetEnvironmentVariable);

    public static string ReceivedArtifact(Platform platform) => $"received-{Name(platform)}";

    static string Name(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return $"{platform.ReleaseDirectory}-{platform.Arch}";
    }

    internal static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}

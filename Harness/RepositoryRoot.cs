using System.Reflection;

namespace OolSpecs.Harness;

/// <summary>
/// The OolSpecs checkout the harness was built from (snapshots/ and docs/ live there),
/// recorded at build time, or OOLSPECS_ROOT when the build has moved.
/// </summary>
public static class RepositoryRoot
{
    public const string EnvironmentVariable = "OOLSPECS_ROOT";
    const string MetadataKey = "OolSpecsRoot";
    const string Marker = "OolSpecs.sln";

    public static string Locate() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), BuiltFrom());

    public static string Combine(params string[] parts) => Path.Combine([Locate(), .. parts]);

    internal static string? BuiltFrom() =>
        typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey)?.Value;

    internal static string Locate(string? configured, string? builtFrom)
    {
        var (root, source) = string.IsNullOrWhiteSpace(configured)
            ? (builtFrom, "the checkout this harness was built from")
            : (configured, EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(root) || !File.Exists(Path.Combine(root, Marker)))
        {
            throw new DirectoryNotFoundException(
                $"{source} ('{root}') is not an OolSpecs checkout (no {Marker}). Set {EnvironmentVariable} to the checkout's folder.");
        }

        return Path.GetFullPath(root);
    }
}

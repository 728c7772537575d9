namespace OolSpecs.Harness.Snapshots;

/// <summary>Finds the snapshot tree: OOLSPECS_SNAPSHOTS, else the checkout's snapshots/.</summary>
public static class SnapshotRoot
{
    /// <summary>Overrides the location of the snapshots directory (it must exist).</summary>
    public const string EnvironmentVariable = "OOLSPECS_SNAPSHOTS";

    /// <summary>
    /// The snapshots directory itself may be missing in a checkout (git keeps no empty
    /// directories): it is created when the first received file is written.
    /// </summary>
    public static string Locate() =>
        Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), RepositoryRoot.Locate);

    internal static string Locate(string? environmentValue, Func<string> repositoryRoot)
    {
        if (string.IsNullOrWhiteSpace(environmentValue))
        {
            return Path.Combine(repositoryRoot(), "snapshots");
        }

        var fromEnvironment = Path.GetFullPath(environmentValue);
        return Directory.Exists(fromEnvironment)
            ? fromEnvironment
            : throw new DirectoryNotFoundException(
                $"{EnvironmentVariable} is set to '{environmentValue}', but that directory does not exist; unset it to use the checkout's snapshots/.");
    }
}

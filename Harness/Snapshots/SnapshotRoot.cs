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
            try
            {
                return Path.Combine(repositoryRoot(), "snapshots");
            }
            catch (DirectoryNotFoundException e)
            {
                // OOLSPECS_ROOT (or the recorded checkout) is wrong: a setting to fix, not a failed run.
                throw new SnapshotInputException(e.Message);
            }
        }

        var fromEnvironment = Path.GetFullPath(environmentValue);
        return Directory.Exists(fromEnvironment)
            ? fromEnvironment
            : throw new SnapshotInputException(
                $"{EnvironmentVariable} is set to '{environmentValue}', but that directory does not exist; unset it to use the checkout's snapshots/.");
    }
}

namespace OolSpecs.Harness.Cli.Bench;

/// <summary>
/// Where `bench --report` writes: checked before any scenario runs, so a wrong path costs no
/// probe time, and written whole or not at all (a temporary file renamed into place).
/// </summary>
public static class ReportFile
{
    /// <returns>The full path to write.</returns>
    /// <exception cref="UsageException">The path is blank, a folder, or in a folder that does not exist.</exception>
    public static string Checked(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("bench: --report is empty; give the file to write the determinism report to, e.g. --report determinism.md.");
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"bench: --report '{path}' is a folder; give a file name in it, e.g. --report {Path.Combine(path, "determinism.md")}.");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new UsageException($"bench: --report '{path}': the folder {folder} does not exist; create it or give a file in an existing folder.");
        }

        return full;
    }

    public static void Write(string path, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

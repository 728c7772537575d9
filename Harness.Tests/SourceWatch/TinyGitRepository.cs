using System.Diagnostics;

namespace OolSpecs.Harness.Tests.SourceWatch;

/// <summary>A git repository the test writes and tags itself, in a temporary folder removed on dispose.</summary>
public sealed class TinyGitRepository : IDisposable
{
    public TinyGitRepository()
    {
        Directory.CreateDirectory(Path);
        Git("init", "--quiet");
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oolspecs-git-" + Guid.NewGuid().ToString("N"));

    public TinyGitRepository Write(string file, string text)
    {
        var path = System.IO.Path.Combine(Path, file);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TinyGitRepository Delete(string file)
    {
        File.Delete(System.IO.Path.Combine(Path, file));
        return this;
    }

    /// <summary>Commits the work tree as it is and tags the commit.</summary>
    public TinyGitRepository Tag(string tag)
    {
        Git("add", "--all");
        Git("-c", "user.name=oolspecs", "-c", "user.email=test@oolspecs", "-c", "commit.gpgsign=false", "commit", "--quiet", "--allow-empty", "-m", tag);
        Git("-c", "tag.gpgsign=false", "tag", tag);
        return this;
    }

    void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(Path);
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, "git {0} failed: {1}", string.Join(' ', arguments), errors.Result);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            // git makes its objects read-only; a read-only file cannot be deleted on Windows-like file systems.
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
    }
}

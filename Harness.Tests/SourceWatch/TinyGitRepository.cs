using System.Diagnostics;
using System.Text;

namespace OolSpecs.Harness.Tests.SourceWatch;

/// <summary>
/// A git repository the test writes and tags itself, in a temporary folder removed on dispose.
/// The files live in memory until a tag commits them: each tag is one `git fast-import`, where
/// `add`, `commit` and `tag` were three processes, and the source watch reads the tags, never a
/// work tree, so none is written. File names are plain relative paths (no newline, no leading quote).
/// </summary>
public sealed class TinyGitRepository : IDisposable
{
    const string Branch = "refs/heads/main";

    readonly SortedDictionary<string, string> files = new(StringComparer.Ordinal);
    bool committed;

    public TinyGitRepository()
    {
        Directory.CreateDirectory(Path);
        Git(null, "init", "--quiet");
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "oolspecs-git-" + Guid.NewGuid().ToString("N"));

    public TinyGitRepository Write(string file, string text)
    {
        files[file] = text;
        return this;
    }

    public TinyGitRepository Delete(string file)
    {
        files.Remove(file);
        return this;
    }

    /// <summary>Commits the files as they are (each tag's tree is every file written and not deleted) and tags the commit.</summary>
    public TinyGitRepository Tag(string tag)
    {
        var stream = new StringBuilder()
            .Append($"commit {Branch}\n")
            .Append("committer oolspecs <test@oolspecs> 0 +0000\n")
            .Append(Data(tag))
            .Append(committed ? $"from {Branch}^0\n" : "")
            .Append("deleteall\n");
        foreach (var (file, text) in files)
        {
            stream.Append($"M 100644 inline {file}\n").Append(Data(text));
        }

        stream.Append($"\nreset refs/tags/{tag}\nfrom {Branch}\n\n");
        Git(stream.ToString(), "fast-import", "--quiet");
        committed = true;
        return this;
    }

    /// <summary>An annotated tag named <paramref name="tag"/> on <paramref name="target"/>, a commit or another tag.</summary>
    public TinyGitRepository AnnotatedTag(string tag, string target)
    {
        Git(null, "-c", "user.name=oolspecs", "-c", "user.email=test@oolspecs", "-c", "tag.gpgsign=false", "tag", "--annotate", "--message", tag, tag, target);
        return this;
    }

    /// <summary>fast-import's exact-length data block: the length counts bytes, not characters.</summary>
    static string Data(string text) => $"data {Encoding.UTF8.GetByteCount(text)}\n{text}\n";

    void Git(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false, StandardInputEncoding = new UTF8Encoding(false) };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(Path);
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        try
        {
            process.StandardInput.Write(input ?? "");
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git stopped reading early; its exit code and message below say why.
        }

        process.WaitForExit();
        process.ExitCode.Should().Be(0, "git {0} failed: {1}{2}", string.Join(' ', arguments), errors.Result, output.Result);
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

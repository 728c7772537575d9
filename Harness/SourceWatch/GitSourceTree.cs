using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace OolSpecs.Harness.SourceWatch;

/// <summary>
/// A kernel source tree in git (a bare clone or a work tree), read at tags through the `git`
/// command: `git show TAG:path` needs no checkout, so one clone serves every release. What it
/// reads (tags, a tag's files and texts, searches) it keeps for as long as it is open, so the
/// clone must not change meanwhile; one thread at a time uses it.
/// </summary>
public sealed class GitSourceTree
{
    readonly Dictionary<(string Tag, string Path), string?> files = [];
    readonly Dictionary<string, HashSet<string>?> pathsAt = [];
    readonly Dictionary<(string Tag, SourceSymbolKind Kind, string Name), IReadOnlyList<string>> mayDefine = [];
    (HashSet<string> OnCommits, HashSet<string> OnTags)? tags;

    GitSourceTree(string directory) => Directory = directory;

    /// <summary>The clone's folder, as given.</summary>
    public string Directory { get; }

    /// <summary>Opens <paramref name="directory"/>; <paramref name="setting"/> names where it came from, for the error.</summary>
    /// <exception cref="SourceTreeException">It is not a git repository, or git cannot be run.</exception>
    public static GitSourceTree Open(string directory, string setting)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new SourceTreeException($"{setting} ('{directory}') is not a folder. Give a clone of the kernel's source (a git dir or work tree).");
        }

        var tree = new GitSourceTree(directory);
        var (code, _, errors) = tree.Git("rev-parse", "--git-dir");
        if (code != 0)
        {
            throw new SourceTreeException($"{setting} ('{directory}') is not a git repository ({errors.Trim()}). Give a clone of the kernel's source (a git dir or work tree).");
        }

        return tree;
    }

    /// <summary>Whether the clone has the tag, on a commit; the clone's tags are listed once.</summary>
    /// <exception cref="SourceTreeException">git cannot list the clone's tags.</exception>
    public bool HasTag(string tag)
    {
        var (onCommits, onTags) = tags ??= ListTags();
        // The listing looks through one annotated tag; git asks the rare tag of a tag itself.
        return onCommits.Contains(tag)
            || onTags.Contains(tag) && Git("rev-parse", "--verify", "--quiet", $"refs/tags/{tag}^{{commit}}").Code == 0;
    }

    /// <summary>The tags on a commit (lightweight, or annotated once), and the annotated tags of another tag.</summary>
    (HashSet<string> OnCommits, HashSet<string> OnTags) ListTags()
    {
        var (code, output, errors) = Git("for-each-ref", "--format=%(refname:strip=2) %(objecttype) %(*objecttype)", "refs/tags");
        if (code != 0)
        {
            throw new SourceTreeException($"`git for-each-ref` could not list the tags of '{Directory}' ({errors.Trim()}). Check that it is a readable clone: `git -C {Directory} tag`.");
        }

        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')).Where(fields => fields.Length == 3).ToList();
        return ([.. rows.Where(f => f[1] == "commit" || f[2] == "commit").Select(f => f[0])], [.. rows.Where(f => f[2] == "tag").Select(f => f[0])]);
    }

    /// <exception cref="SourceTreeException">The tag is not in the clone, or git cannot list its tags.</exception>
    public void RequireTag(string tag, string setting)
    {
        if (!HasTag(tag))
        {
            throw new SourceTreeException($"{setting}: the clone at '{Directory}' has no tag '{tag}'. List its tags with `git -C {Directory} tag`.");
        }
    }

    /// <summary>The file's text at the tag, or null when the tag has no such file.</summary>
    public string? Read(string tag, string path)
    {
        if (!files.TryGetValue((tag, path), out var text))
        {
            // Most cited files are there, but a claim cites files at tags they are not at (a
            // function that moved), and a test repository lacks most: one listing per tag answers
            // those without a process each.
            text = files[(tag, path)] = PathsAt(tag)?.Contains(path) == false ? null : Show(tag, path);
        }

        return text;
    }

    string? Show(string tag, string path) => Git("show", $"{tag}:{path}") is (0, var output, _) ? output : null;

    /// <summary>Every file path at the tag, or null when git cannot list it (then each file is asked for).</summary>
    HashSet<string>? PathsAt(string tag)
    {
        if (!pathsAt.TryGetValue(tag, out var paths))
        {
            var (code, output, _) = Git("ls-tree", "-r", "-z", "--name-only", tag);
            paths = pathsAt[tag] = code == 0 ? [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)] : null;
        }

        return paths;
    }

    /// <summary>The files at the tag with a line that may begin a definition of the function (to be confirmed by <see cref="FunctionLocator"/>).</summary>
    public IReadOnlyList<string> FilesThatMayDefine(string tag, SourceFunction function)
    {
        SearchDefinitions(tag, [function]);
        return mayDefine[(tag, function.Kind, function.Name)];
    }

    /// <summary>
    /// Finds at the tag the lines that may begin a definition of each function, in one `git grep`
    /// for all of them, not one a function; <see cref="FilesThatMayDefine"/> then answers from memory.
    /// </summary>
    public void SearchDefinitions(string tag, IEnumerable<SourceFunction> functions)
    {
        var wanted = functions.DistinctBy(function => (function.Kind, function.Name)).Where(function => !mayDefine.ContainsKey((tag, function.Kind, function.Name))).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        // -z separates the file name and line number with NUL: "tag:path\0line\0text".
        var (code, output, errors) = Git(["grep", "--no-color", "-z", "-n", "-E", .. wanted.SelectMany(f => new[] { "-e", DefinitionPattern(f, "[:space:]") }), tag, "--", "*.c", "*.h"]);
        if (code > 1)
        {
            throw new SourceTreeException($"`git grep` for {string.Join(", ", wanted.Select(f => f.Name))} at {tag} in '{Directory}' failed: {errors.Trim()}");
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\0', 3))
            .Where(fields => fields.Length == 3).Select(fields => (File: fields[0][(tag.Length + 1)..], Text: fields[2])).ToList();
        foreach (var function in wanted)
        {
            var definition = new Regex(DefinitionPattern(function, @"\s"));
            mayDefine[(tag, function.Kind, function.Name)] = [.. lines.Where(line => definition.IsMatch(line.Text)).Select(line => line.File).Distinct()];
        }
    }

    /// <summary>
    /// A line that may begin the definition, as an extended regular expression; <paramref name="space"/>
    /// is the class of white space in the dialect (git's POSIX or .NET's). A name is a C identifier,
    /// so it means the same in both.
    /// </summary>
    static string DefinitionPattern(SourceFunction function, string space) => function.Kind == SourceSymbolKind.Macro
        ? $"^[{space}]*#[{space}]*define[{space}]+{function.Name}([^A-Za-z0-9_]|$)"
        : $"^([A-Za-z_][^;=(]*[{space}*])?{function.Name}[{space}]*\\(";

    (int Code, string Output, string Errors) Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(Directory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SourceTreeException($"git could not be started ({e.Message}): install git and put it on PATH.", e);
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
    }
}

/// <summary>A source tree given (a setting or an option) cannot be read as asked: the message names it and the fix.</summary>
public sealed class SourceTreeException : Exception
{
    public SourceTreeException(string message) : base(message)
    {
    }

    public SourceTreeException(string message, Exception inner) : base(message, inner)
    {
    }
}

using System.Text.RegularExpressions;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>
/// The repo paths a Markdown document points at: its relative links (resolved from the document's
/// folder) and the paths it cites in backticks (from the checkout's root). A cited path is this
/// repo's only when its first folder is one of the checkout's top folders, so that `osfmk/vm/vm_map.c`
/// (xnu) or `mm/memory.c` (Linux) is never taken for one. Templates (`snapshots/&lt;os&gt;-…`) and
/// globs are not paths. Names are compared exactly, so a wrong case fails here as on Linux.
/// </summary>
public sealed partial class DocLinks(string root)
{
    /// <summary>The checkout's top folders that are committed: every one but .git and what .gitignore names at the top (.tools/).</summary>
    public IReadOnlySet<string> TopFolders { get; } = TopFoldersOf(root);

    /// <summary>"line N: `target` (why)" for each link or cited path of <paramref name="document"/> that names nothing in the checkout.</summary>
    public IReadOnlyList<string> Broken(string document, string text)
    {
        var folder = Path.GetDirectoryName(document.Replace('/', Path.DirectorySeparatorChar)) ?? "";
        var broken = new List<string>();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            foreach (var target in LinkTargets(lines[n]).Where(IsRepoRelative))
            {
                var path = target.Split('#')[0];
                if (path.Length > 0 && !Exists(Path.Combine(folder, Uri.UnescapeDataString(path))))
                {
                    broken.Add($"line {n + 1}: link ({target}) names nothing from {document}");
                }
            }

            foreach (var cited in CitedPaths(lines[n]))
            {
                if (!Exists(cited))
                {
                    broken.Add($"line {n + 1}: `{cited}` names nothing in the checkout");
                }
            }
        }

        return broken;
    }

    IEnumerable<string> LinkTargets(string line) =>
        MarkdownLink().Matches(line).Select(m => m.Groups["target"].Value)
            .Concat(HtmlLink().Matches(line).Select(m => m.Groups["target"].Value));

    static bool IsRepoRelative(string target) =>
        !target.StartsWith('#') && !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal);

    /// <summary>
    /// Paths in backticks, and bare file paths in the prose (`see Harness/Scenarios/ArticleCase.cs.`), of
    /// this repo: under one of its top folders, or in backticks any Markdown file (no kernel tree cited here has one).
    /// </summary>
    IEnumerable<string> CitedPaths(string line)
    {
        var inCode = CodeSpan().Matches(line).Select(m => m.Groups["code"].Value.Trim())
            .Where(code => code.Contains('/') && !code.Contains(' ') && code.IndexOfAny(['<', '>', '*', '{', '}', '$', '~']) < 0);
        var prose = HtmlLink().Replace(MarkdownLink().Replace(CodeSpan().Replace(line, " "), " "), " ");
        var bare = BarePath().Matches(prose).Select(m => m.Value);
        return inCode.Where(path => IsOurs(path) || path.EndsWith(".md", StringComparison.Ordinal)).Concat(bare.Where(IsOurs));
    }

    bool IsOurs(string path) => TopFolders.Contains(path.Split('/')[0]);

    /// <summary>Whether a checkout-relative path names a file or folder, every name spelled as on disk.</summary>
    bool Exists(string relative)
    {
        var top = root.TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine(top, relative));
        if (full != top && !full.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return false;
        }

        var current = top;
        foreach (var part in full[top.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Directory.Exists(current) || !Directory.EnumerateFileSystemEntries(current).Any(e => Path.GetFileName(e) == part))
            {
                return false;
            }

            current = Path.Combine(current, part);
        }

        return true;
    }

    static HashSet<string> TopFoldersOf(string root)
    {
        var ignored = File.ReadAllLines(Path.Combine(root, ".gitignore")).Select(l => l.Trim().Trim('/')).ToHashSet(StringComparer.Ordinal);
        return Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(name => name != ".git" && !ignored.Contains(name)).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"<a\s+href=""(?<target>[^""]+)""")]
    private static partial Regex HtmlLink();

    [GeneratedRegex(@"(?<![\w./-])[A-Za-z.][\w.-]*/[\w./-]*\.[A-Za-z]{1,4}(?![\w/*<-])")]
    private static partial Regex BarePath();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();
}

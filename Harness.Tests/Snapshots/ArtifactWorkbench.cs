using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using OolSpecs.Harness.Cli;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>
/// What an `accept --from` test works with: a throwaway snapshot tree, a folder to build
/// artifacts in (zips, folders, FIFOs), and the command line's output; all deleted on Dispose.
/// </summary>
public sealed class ArtifactWorkbench : IDisposable
{
    /// <summary>Cases the scenario catalogue has, named by it, so that a renamed case renames them here too.</summary>
    public static readonly SnapshotKey Fork = new ForkCowScenario().Key;

    public static readonly SnapshotKey Case1 = ArticleCase.Numbered(1).AsTheArticleRanIt.Scenario.Key;

    public TempSnapshotTree Tree { get; } = new();

    public DirectoryInfo Work { get; } = Directory.CreateTempSubdirectory("oolspecs-artifact-");

    public StringWriter Output { get; } = new();

    public StringWriter Errors { get; } = new();

    public void Dispose()
    {
        Tree.Dispose();
        Work.Delete(recursive: true);
    }

    public int Accept(params string[] arguments) =>
        new CommandLine(Output, Errors, () => throw new InvalidOperationException("the probe was started"), () => Tree.Root)
            .Run(["accept", .. arguments]);

    public string Zip(params (string Entry, string Text)[] entries) =>
        Zip(CompressionLevel.Optimal, entries);

    public string Zip(CompressionLevel level, params (string Entry, string Text)[] entries)
    {
        var path = Path.Combine(Work.FullName, $"received-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry, level).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        return path;
    }

    public string Folder(params (string Entry, string Text)[] entries)
    {
        var folder = Work.CreateSubdirectory($"received-{Guid.NewGuid():N}").FullName;
        foreach (var (entry, text) in entries)
        {
            var path = Path.Combine(folder, entry);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return folder;
    }

    /// <summary>Every file under the tree, relative: what a refusal must leave exactly as it was.</summary>
    public string[] TreeFiles() =>
        [.. Directory.EnumerateFileSystemEntries(Tree.Root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Tree.Root, p)).Order()];

    /// <summary>Every approved file and its text: two trees are the same tree when these are equal.</summary>
    public static string[] Contents(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => $"{Path.GetRelativePath(root, p)}: {File.ReadAllText(p)}")];

    /// <summary>A named pipe (mkfifo exists in the C library of macOS and Linux alike; .NET has no call for it).</summary>
    public static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (mkfifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}

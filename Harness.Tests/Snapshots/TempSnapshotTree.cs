using System.Text;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>A throwaway snapshots/ directory for one test; deleted on Dispose.</summary>
public sealed class TempSnapshotTree : IDisposable
{
    public TempSnapshotTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "oolspecs-snapshots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Tree = new SnapshotTree(Root);
    }

    public string Root { get; }

    public SnapshotTree Tree { get; }

    public static Platform Linux(int major, int minor, string arch = "x86_64") => new("linux", new ReleaseVersion(major, minor), arch);

    public static Platform MacOs(int major, int minor, string arch = "arm64") => new("macos", new ReleaseVersion(major, minor), arch);

    public string PathOf(string releaseDirectory, string arch, SnapshotKey key, string suffix = SnapshotTree.ApprovedSuffix) =>
        Path.Combine(Root, releaseDirectory, arch, key.Family, key.Case + suffix);

    /// <summary>Writes an approved (or, with <paramref name="suffix"/>, received) file and returns its path.</summary>
    public string Write(string releaseDirectory, string arch, SnapshotKey key, string text, string suffix = SnapshotTree.ApprovedSuffix)
    {
        var path = PathOf(releaseDirectory, arch, key, suffix);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

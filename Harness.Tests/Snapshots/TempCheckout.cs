using OolSpecs.Harness.Docs;
using OolSpecs.Harness.Tests.Docs;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>
/// A throwaway OolSpecs checkout for one test: the marker file, a copy of this checkout's docs/
/// and approved snapshots/, its docs made current; deleted on Dispose. The copy holds the same
/// snapshots and reads the same specs as this checkout, so its docs are this checkout's, which the
/// run makes once (<see cref="CheckoutDocs"/>): writing those spares every test a generation.
/// Tests that start from these docs assert that the copy starts current.
/// </summary>
public sealed class TempCheckout : IDisposable
{
    public TempCheckout()
    {
        Root = Directory.CreateTempSubdirectory("oolspecs-checkout-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(Root, "OolSpecs.sln"), "");
            var source = RepositoryRoot.Locate();
            Copy(Path.Combine(source, "docs"), Path.Combine(Root, "docs"), "*");
            Copy(Path.Combine(source, "snapshots"), Snapshots, "*" + Harness.Snapshots.SnapshotTree.ApprovedSuffix);
            Docs = new GeneratedDocs(Root);
            // The copy has no README.
            Docs.Write([.. CheckoutDocs.Made.Where(d => d.Path != GeneratedDocs.Readme)]);
        }
        catch
        {
            // No Dispose follows a constructor that threw: the copy would stay in the temp folder.
            Dispose();
            throw;
        }
    }

    public string Root { get; }

    public string Snapshots => Path.Combine(Root, "snapshots");

    public GeneratedDocs Docs { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    static void Copy(string from, string to, string pattern)
    {
        foreach (var file in Directory.EnumerateFiles(from, pattern, SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

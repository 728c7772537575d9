using System.Text;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// Compares a rendered observation with the approved snapshot for the running release
/// (see <see cref="SnapshotTree.Locate"/>). On a difference it writes the received file under the
/// running release and throws <see cref="SnapshotMismatchException"/>; on a match it leaves no received file.
/// On a platform with no approved snapshot at all it writes the received file and throws
/// <see cref="SnapshotBaselineMissingException"/>: a first run, not a failure.
/// </summary>
public sealed class SnapshotVerifier
{
    public SnapshotVerifier(SnapshotTree tree, Platform running)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(running);
        Tree = tree;
        Running = running;
    }

    public SnapshotTree Tree { get; }

    public Platform Running { get; }

    /// <summary>A verifier over the repository's snapshots/ directory (<see cref="SnapshotRoot.Locate()"/>).</summary>
    public static SnapshotVerifier ForRepository(Platform running) => new(new SnapshotTree(SnapshotRoot.Locate()), running);

    /// <exception cref="SnapshotMismatchException">The text differs from the approved snapshot, or the platform has a baseline but no approved file for this case.</exception>
    /// <exception cref="SnapshotBaselineMissingException">Nothing at all is approved for this os and arch yet.</exception>
    public void Verify(SnapshotKey key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);

        var normalised = Normalise(text);
        var lookup = Tree.Locate(Running, key);
        var familyDirectory = Tree.FamilyDirectoryFor(Running, key);
        var createdFrom = FirstMissingDirectory(familyDirectory);
        var verdict = ApprovalTestsSeam.Verify(familyDirectory, key.Case, lookup.Path, normalised);
        switch (verdict.Outcome)
        {
            case SeamOutcome.Matched:
                RemoveEmptyDirectories(familyDirectory, createdFrom);
                return;
            case SeamOutcome.ApprovedMissing when !Tree.HasBaseline(Running):
                throw new SnapshotBaselineMissingException(key, Running, verdict.ReceivedPath);
            case SeamOutcome.ApprovedMissing:
                throw SnapshotMismatchException.Missing(key, lookup, verdict.ReceivedPath, normalised);
            default:
                var approvedText = File.ReadAllText(verdict.ApprovedPath, Encoding.UTF8);
                throw SnapshotMismatchException.Mismatch(key, lookup, verdict.ApprovedPath, verdict.ReceivedPath, approvedText, normalised);
        }
    }

    /// <summary>Compares a scenario's observation, rendered, under the key the scenario files it.</summary>
    public void Verify<TObservation>(IScenario<TObservation> scenario, TObservation observation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Verify(scenario.KeyFor(observation), scenario.Render(observation));
    }

    /// <summary>The outermost directory on the way to <paramref name="directory"/> (below the root) that does not exist yet.</summary>
    private string? FirstMissingDirectory(string directory)
    {
        string? missing = null;
        for (var current = directory;
             current is not null && current.Length > Tree.Root.Length && !Directory.Exists(current);
             current = Path.GetDirectoryName(current))
        {
            missing = current;
        }

        return missing;
    }

    /// <summary>
    /// ApprovalTests writes the received file before comparing, so a passing case would leave empty
    /// release/arch/family directories behind; remove the ones this call created (best effort: a
    /// concurrent spec may be writing into them).
    /// </summary>
    private static void RemoveEmptyDirectories(string directory, string? createdFrom)
    {
        if (createdFrom is null)
        {
            return;
        }

        for (var current = directory; current is not null && current.Length >= createdFrom.Length; current = Path.GetDirectoryName(current))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(current).Any())
                {
                    return;
                }

                Directory.Delete(current);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    /// <summary>'\n' line endings ("\r\n" and lone "\r" become "\n") and exactly one final newline.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n') + "\n";
    }
}

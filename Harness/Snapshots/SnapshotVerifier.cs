using System.Text;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// Compares a rendered observation with the approved snapshot for the running release
/// (<see cref="SnapshotTree.Locate"/>), in memory. Only a difference touches the disk: the
/// received file is written under the running release, the diff tool is offered it (when the
/// verifier was given one), and <see cref="SnapshotMismatchException"/> is thrown. A match deletes
/// the received file an earlier failing run left and creates nothing. With nothing approved for
/// the os and arch at all, the received file is written and <see cref="SnapshotBaselineMissingException"/>
/// is thrown: a first run, not a failure.
/// </summary>
/// <remarks>
/// Comparing before writing is what keeps parallel specs apart: a passing spec neither makes nor
/// removes a directory, so none can vanish under a failing spec that is writing into it.
/// </remarks>
/// <param name="tree">The snapshot tree.</param>
/// <param name="running">The platform observed on.</param>
/// <param name="openDiff">Called with the received and the approved file on a mismatch; null opens nothing.</param>
public sealed class SnapshotVerifier(SnapshotTree tree, Platform running, Action<string, string>? openDiff = null)
{
    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public SnapshotTree Tree { get; } = tree ?? throw new ArgumentNullException(nameof(tree));

    public Platform Running { get; } = running ?? throw new ArgumentNullException(nameof(running));

    /// <summary>The specs' verifier: the checkout's snapshots/ (<see cref="SnapshotRoot.Locate()"/>), and the developer's diff tool (<see cref="DiffTool"/>).</summary>
    public static SnapshotVerifier ForRepository(Platform running) => new(new SnapshotTree(SnapshotRoot.Locate()), running, DiffTool.Open);

    /// <exception cref="SnapshotMismatchException">The text differs from the approved snapshot, or the platform has a baseline but no approved file for this case.</exception>
    /// <exception cref="SnapshotBaselineMissingException">Nothing at all is approved for this os and arch yet.</exception>
    public void Verify(SnapshotKey key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        var received = Normalise(text);
        var lookup = Tree.Locate(Running, key);
        var approved = lookup.Path is null ? null : Normalise(File.ReadAllText(lookup.Path, Encoding.UTF8));
        var receivedPath = Tree.ReceivedPath(Running, key);
        if (approved == received)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        File.WriteAllText(receivedPath, received, Utf8NoBom);
        if (lookup.Path is null)
        {
            throw Tree.HasBaseline(Running)
                ? SnapshotMismatchException.Missing(key, lookup, receivedPath, received)
                : new SnapshotBaselineMissingException(Running, receivedPath);
        }

        openDiff?.Invoke(receivedPath, lookup.Path);
        throw SnapshotMismatchException.Mismatch(key, lookup, receivedPath, approved!, received);
    }

    /// <summary>Compares a scenario's observation, rendered, under the key the scenario files it.</summary>
    public void Verify<TObservation>(IScenario<TObservation> scenario, TObservation observation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Verify(scenario.KeyFor(observation), scenario.Render(observation));
    }

    /// <summary>'\n' line endings ("\r\n" and lone "\r" become "\n"), no byte-order mark, exactly one final newline.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n') + "\n";
    }
}

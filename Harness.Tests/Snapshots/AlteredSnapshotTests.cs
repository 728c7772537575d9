using OolSpecs.Specs.Support;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>
/// The snapshot comparison can fail on real data: this kernel's own fork walk, compared with a
/// copy of its approved file altered in one cell, is rejected with a diff naming that cell.
/// </summary>
public sealed class AlteredSnapshotTests
{
    [SkippableFact]
    public void An_approved_snapshot_altered_in_one_cell_makes_the_live_walk_fail()
    {
        Lab.NeedsNativePlatform();
        var probe = ProbeRunner.Default();
        var platform = PlatformDetector.Detect(probe);
        var scenario = new ForkCowScenario();
        var run = scenario.Observe(probe);
        var key = scenario.KeyFor(run);
        var tree = new SnapshotTree(SnapshotRoot.Locate());
        var approved = tree.Locate(platform, key).Path;
        Skip.If(approved is null, $"no snapshot of {key} is approved for {platform} yet: there is nothing to alter");

        var copy = Directory.CreateTempSubdirectory("oolspecs-altered-");
        try
        {
            var altered = Path.Combine(copy.FullName, Path.GetRelativePath(tree.Root, approved!));
            Directory.CreateDirectory(Path.GetDirectoryName(altered)!);
            var lines = File.ReadAllLines(approved!);
            var cell = Array.FindLastIndex(lines, l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal));
            lines[cell] = lines[cell][..lines[cell].LastIndexOf('|', lines[cell].Length - 2)] + "| altered |";
            File.WriteAllLines(altered, lines);

            var verify = () => new SnapshotVerifier(new SnapshotTree(copy.FullName), platform).Verify(scenario, run);

            verify.Should().Throw<SnapshotMismatchException>().WithMessage("*-| * | altered |*");
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }
}

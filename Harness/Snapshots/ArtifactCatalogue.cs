using System.Text.RegularExpressions;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Harness.Snapshots;

/// <summary>
/// What an artifact may hold: the arches the platform detector names, and the families and cases
/// of the scenario catalogue (<see cref="ScenarioCatalogue"/>), each also as its without-frames
/// case, with any size in MiB (the footprint case is named after a setting).
/// An entry for anything else is a typo, another project's file or a stale case: never approved.
/// </summary>
public static partial class ArtifactCatalogue
{
    /// <summary>What PlatformDetector files observations under: a Rosetta-translated run is refused, never filed.</summary>
    public static readonly IReadOnlyList<string> Arches = ["arm64", "x86_64"];

    static readonly Lazy<IReadOnlyDictionary<string, HashSet<string>>> cases = new(Read);

    public static IReadOnlyCollection<string> Families => [.. cases.Value.Keys.Order(StringComparer.Ordinal)];

    public static bool KnowsArch(string arch) => Arches.Contains(arch, StringComparer.Ordinal);

    public static bool KnowsFamily(string family) => cases.Value.ContainsKey(family);

    public static bool Knows(SnapshotKey key) =>
        cases.Value.TryGetValue(key.Family, out var known) && known.Contains(Shape(WithFrames(key.Case)));

    static string WithFrames(string @case) =>
        @case.EndsWith(CapSysAdmin.WithoutFramesSuffix, StringComparison.Ordinal) ? @case[..^CapSysAdmin.WithoutFramesSuffix.Length] : @case;

    /// <summary>"footprint-64MiB" and "footprint-256MiB" are one case at two settings.</summary>
    static string Shape(string @case) => SizeInMiB().Replace(@case, "<n>MiB");

    static IReadOnlyDictionary<string, HashSet<string>> Read()
    {
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in ScenarioCatalogue.All)
        {
            IReadOnlyList<IScenario> scenarios;
            try
            {
                scenarios = group.Scenarios;
            }
            catch (ArgumentException e)
            {
                // A listing reads settings (OOLSPECS_LARGE_BYTES); a wrong one is the user's to fix.
                throw new SnapshotInputException(e.Message);
            }

            foreach (var scenario in scenarios)
            {
                if (!found.TryGetValue(scenario.Family, out var known))
                {
                    found[scenario.Family] = known = new HashSet<string>(StringComparer.Ordinal);
                }

                known.Add(Shape(WithFrames(scenario.Case)));
            }
        }

        return found;
    }

    [GeneratedRegex(@"(?<=-)\d+MiB$")]
    private static partial Regex SizeInMiB();
}

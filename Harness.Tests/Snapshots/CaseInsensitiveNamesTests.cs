using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Harness.Tests.Snapshots;

/// <summary>
/// A Mac's file system (APFS, HFS+) ignores case by default: two snapshot files whose paths
/// differ only in case are one file there, and the second approval overwrites the first. The
/// XNU cases have no approved file yet for `git ls-files` to compare, so the catalogue is checked.
/// </summary>
public sealed class CaseInsensitiveNamesTests
{
    [Fact]
    public void No_two_snapshot_cases_differ_only_in_case()
    {
        var paths = ScenarioCatalogue.All.SelectMany(group => group.Scenarios)
            .SelectMany(s => new[] { $"{s.Family}/{s.Case}", $"{s.Family}/{s.Case}{CapSysAdmin.WithoutFramesSuffix}" });

        paths.Should().HaveCountGreaterThan(10);
        SameButForCase(paths).Should().BeEmpty("each would overwrite the other on a Mac");
    }

    [Fact]
    public void Paths_that_differ_only_in_case_are_found()
    {
        SameButForCase(["OolTransfer/anonymous-virtual", "OolTransfer/Anonymous-Virtual", "OolTransfer/anonymous-physical"])
            .Should().Equal("OolTransfer/Anonymous-Virtual and OolTransfer/anonymous-virtual");
    }

    static IReadOnlyList<string> SameButForCase(IEnumerable<string> paths) =>
        [.. paths.Distinct(StringComparer.Ordinal).GroupBy(p => p, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => string.Join(" and ", g.Order(StringComparer.Ordinal)))];
}

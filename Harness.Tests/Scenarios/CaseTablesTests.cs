using System.Text.RegularExpressions;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.ForkCopyOnWrite;
using OolSpecs.Specs.ForkInheritance;
using OolSpecs.Specs.SecondMapping;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>The case tables of the fork and second-view families: every row says what it allocates, runs and risks, and claims only of its own kernel.</summary>
public sealed partial class ForkCaseTablesTests
{
    static IEnumerable<(string Table, IReadOnlyList<ISpecCase> Rows)> Tables =>
    [
        (nameof(ForkCowCases), [.. ForkCowCases.All]),
        (nameof(InheritanceCases), [.. InheritanceCases.All]),
        (nameof(ViewCases), [.. ViewCases.All]),
    ];

    [Fact]
    public void Every_row_has_an_allocation_a_probe_command_a_security_line_and_a_description_of_its_own()
    {
        foreach (var (table, rows) in Tables)
        {
            rows.Select(row => row.Description).Should().OnlyHaveUniqueItems("{0} names each row once", table);
            rows.Should().OnlyContain(row => row.Allocation.Length > 0 && row.Security.Length > 0 && row.ProbeCommand.StartsWith("oolprobe ", StringComparison.Ordinal), table);
        }
    }

    [Fact]
    public void Every_row_claims_only_of_its_own_kernel_and_each_claim_once()
    {
        foreach (var (table, rows) in Tables)
        {
            foreach (var row in rows)
            {
                row.Claims.Where(claim => claim.Kernel != row.Kernel).Should().BeEmpty("{0}'s row {1} runs on {2}", table, row.Description, row.Kernel);
                row.Claims.Should().OnlyHaveUniqueItems();
            }
        }
    }

    [Fact]
    public void The_harness_rows_and_the_case_tables_are_the_same_rows_in_the_same_order()
    {
        InheritanceCases.All.Select(row => row.Row).Should().Equal(InheritModes.All);
        ViewCases.All.Select(row => row.Row).Should().Equal(SecondViews.All);
    }

    /// <summary>Every constant and call a row's allocation names is in the probe's sources, so a table cannot drift from what the probe does.</summary>
    [Fact]
    public void Every_allocation_names_only_constants_and_calls_the_probe_uses()
    {
        var sources = string.Join("\n", Directory.EnumerateFiles(RepositoryRoot.Combine("Native", "src"), "*.c").Select(File.ReadAllText));

        foreach (var (table, rows) in Tables)
        {
            foreach (var row in rows)
            {
                var named = Symbols().Matches(row.Allocation).Select(m => m.Value).ToList();
                named.Should().NotBeEmpty("{0}'s row '{1}' names its calls", table, row.Description);
                foreach (var symbol in named)
                {
                    sources.Should().Contain(symbol, "{0}'s row '{1}' names it", table, row.Description);
                }
            }
        }
    }

    /// <summary>Constants (MAP_PRIVATE, VM_INHERIT_SHARE) and calls, a name before its parenthesis (vm_allocate(, mmap().</summary>
    [GeneratedRegex(@"\b(?:[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|[a-z][a-z0-9_]*(?=\())")]
    private static partial Regex Symbols();
}

using System.Text.RegularExpressions;
using OolSpecs.Harness.Docs;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// Every family's table of cases (found as the docs find it, so a new family's is checked
/// unasked): every row says what it allocates, runs and risks, and claims only of its own kernel;
/// a table of kernel rows has the harness's rows, in the harness's order.
/// </summary>
public sealed partial class CaseTablesTests
{
    static IEnumerable<(string Table, IReadOnlyList<ISpecCase> Rows)> Tables =>
        SpecFamilies.Behaviour.Select(CaseTable.Of).OfType<CaseTable>().Select(table => (table.Name, table.Rows));

    [Fact]
    public void Every_family_has_its_table()
    {
        Tables.Select(table => table.Table).Should().HaveCount(SpecFamilies.Behaviour.Count, "each family has one table of cases");
    }

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
        var kernelRowTables = Tables.Where(table => table.Rows.Count > 0 && table.Rows.All(row => row is IKernelRowCase)).ToList();
        kernelRowTables.Should().NotBeEmpty("fork-inherit and second-view have tables of kernel rows");

        foreach (var (table, rows) in kernelRowTables)
        {
            var first = ((IKernelRowCase)rows[0]).Row;
            var harness = KernelRowTables.Every.Where(t => t.Rows.Contains(first)).Should().ContainSingle("{0}'s rows are of one harness table", table).Subject;
            rows.Cast<IKernelRowCase>().Select(row => row.Row).Should().Equal(harness.Rows, "{0} has the rows of the harness's {1} table, in its order", table, harness.Subcommand);
        }
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

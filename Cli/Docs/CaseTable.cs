using System.Reflection;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// A family's one table of cases: the public static readonly IReadOnlyList of an
/// <see cref="ISpecCase"/> row type in the family's namespace, found by reflection ("ForkInheritance.InheritanceCases.All").
/// </summary>
public sealed record CaseTable(string Name, IReadOnlyList<ISpecCase> Rows)
{
    /// <summary>The family's table, or null while it has none; two tables are refused, naming both.</summary>
    public static CaseTable? Of(string family)
    {
        var tables = SpecFamilies.Types
            .Where(t => t.Namespace is not null && SpecFamilies.Family(t) == family && t.Namespace.StartsWith("OolSpecs.Specs.", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsInitOnly && IsTableOfCases(f.FieldType)))
            .ToList();
        return tables.Count switch
        {
            0 => null,
            1 => new CaseTable($"{tables[0].DeclaringType!.Name}.{tables[0].Name}", [.. ((System.Collections.IEnumerable)tables[0].GetValue(null)!).Cast<ISpecCase>()]),
            _ => throw new DocsInputException(
                $"The family {family} has {tables.Count} tables of cases ({string.Join(", ", tables.Select(f => $"{f.DeclaringType!.Name}.{f.Name}"))}); a family has one."),
        };
    }

    static bool IsTableOfCases(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && typeof(ISpecCase).IsAssignableFrom(type.GetGenericArguments()[0]);

    /// <summary>
    /// The snapshot case a row is approved under: the catalogue's scenario of the family whose
    /// probe command is the row's (null when no scenario runs that command).
    /// </summary>
    public static SnapshotKey? KeyOf(ISpecCase row, string family) =>
        ScenarioCatalogue.All.SelectMany(g => g.Scenarios)
            .FirstOrDefault(s => s.Family == family && (s as IProbeCommand)?.Command == row.ProbeCommand)?.Key;
}

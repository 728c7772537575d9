using System.Reflection;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// Which <see cref="KeyTable"/> an approved snapshot carries: the declaration of the scenario
/// type that wrote it (found by <see cref="DeclaresKeyTableAttribute"/>). A case the catalogue
/// lists is its scenario's; a case it does not (a run filed under its without-frames case) is
/// its family's, where the family's declaring scenarios are one type.
/// </summary>
public static class DeclaredKeyTables
{
    static readonly IReadOnlyDictionary<Type, MethodInfo> Declarations =
        typeof(KeyTable).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Select(m => (Method: m, Declares: m.GetCustomAttribute<DeclaresKeyTableAttribute>()))
            .Where(d => d.Declares is not null)
            .ToDictionary(d => d.Declares!.Scenario, d => d.Method);

    /// <summary>The key values of <paramref name="snapshot"/>, or null when its scenario declares no key table.</summary>
    public static KeyRows? Of(ApprovedSnapshot snapshot)
    {
        var scenarios = ScenarioCatalogue.All.SelectMany(g => g.Scenarios).Where(s => s.Family == snapshot.Key.Family).ToList();
        var types = scenarios.Where(s => s.Key == snapshot.Key).Select(s => s.GetType()).Distinct().ToList();
        if (types.Count == 0)
        {
            types = [.. scenarios.Select(s => s.GetType()).Where(Declarations.ContainsKey).Distinct()];
            if (types.Count > 1)
            {
                throw new DocsInputException(
                    $"snapshots/{snapshot.Path}: no scenario of the catalogue has this case, and its family's scenarios declare {types.Count} key tables ({string.Join(", ", types.Select(t => t.Name))}); list the case in the catalogue.");
            }
        }

        return types.Count == 1 && Declarations.TryGetValue(types[0], out var method)
            ? KeyRows.Read(snapshot.Text, (KeyTable)method.Invoke(null, [snapshot.Platform.Kernel])!, $"snapshots/{snapshot.Path}")
            : null;
    }
}

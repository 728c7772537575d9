using Spectre.Console.Rendering;

namespace OolSpecs.Harness.Cli.Tables;

/// <summary>
/// Draws one observe group's observations as terminal tables, in the shape the article prints
/// them. Each implementation reads only the observation records (and what the scenario types
/// expose), so the scenarios keep their data and know nothing of terminals.
/// </summary>
public interface IObservationTables
{
    /// <summary>True when this drawer knows every observation of the group.</summary>
    bool Draws(IReadOnlyList<Observation> observations);

    IEnumerable<IRenderable> Draw(IReadOnlyList<Observation> observations);
}

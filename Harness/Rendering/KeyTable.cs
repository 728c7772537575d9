namespace OolSpecs.Harness.Rendering;

/// <summary>
/// The table of a snapshot a reader compares across releases, declared once by the scenario that
/// writes it and read back by the behaviour matrix under the same heading and columns: a walk
/// (one row a step, labelled by its first <see cref="LabelColumns"/> cells) or a set of named
/// facts (a two-column name/value table, one set per case).
/// </summary>
public sealed record KeyTable(string Heading, IReadOnlyList<string> Columns, int LabelColumns, bool IsFacts)
{
    /// <summary>A walk: the first <paramref name="labelColumns"/> columns name a row, the others are its values.</summary>
    public static KeyTable Steps(string heading, IReadOnlyList<string> columns, int labelColumns = 1) => new(heading, columns, labelColumns, IsFacts: false);

    /// <summary>Named facts: a name column and a value column.</summary>
    public static KeyTable Facts(string heading, string nameColumn = "field", string valueColumn = "value") => new(heading, [nameColumn, valueColumn], 1, IsFacts: true);

    /// <summary>Writes the heading and the table, as the reader will look for them.</summary>
    public MarkdownReport Write(MarkdownReport report, IEnumerable<IReadOnlyList<string>> rows) =>
        report.Heading(2, Heading).Table(Columns, rows);

    /// <summary>Writes the heading and named facts.</summary>
    public MarkdownReport Write(MarkdownReport report, IEnumerable<(string Name, string Value)> facts) =>
        Write(report, facts.Select(f => (IReadOnlyList<string>)[f.Name, f.Value]));
}

/// <summary>
/// Marks the static method (Kernel -> KeyTable) that declares the key table of a scenario type's
/// snapshots, so the behaviour matrix finds it by reflection; the renderer writes through it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DeclaresKeyTableAttribute(Type scenario) : Attribute
{
    public Type Scenario { get; } = scenario;
}

using OolSpecs.Harness;

namespace OolSpecs.Specs.PublishedTables;

/// <summary>
/// A published table transcribed under docs/reference/ as tab-separated values: '#' lines
/// say where it comes from, the first other line names the columns.
/// </summary>
public sealed record TsvTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static TsvTable Load(string fileName) => Load(RepositoryRoot.Combine("docs", "reference"), fileName);

    /// <summary>A table of another checkout's docs/reference (the docs generators make any checkout's docs).</summary>
    public static TsvTable Load(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count == 0)
        {
            throw new InvalidDataException($"{path} has no header line.");
        }

        var columns = lines[0].Split('\t');
        var rows = lines.Skip(1).Select((line, i) =>
        {
            var cells = line.Split('\t');
            return cells.Length == columns.Length
                ? (IReadOnlyDictionary<string, string>)columns.Zip(cells).ToDictionary(p => p.First, p => p.Second)
                : throw new InvalidDataException($"{path}: data row {i + 1} has {cells.Length} cells for {columns.Length} columns.");
        }).ToList();
        return new TsvTable(fileName, columns, rows);
    }

    /// <summary>The same table with one cell replaced.</summary>
    public TsvTable With(int row, string column, string value) =>
        this with
        {
            Rows = Rows.Select((r, i) => i != row ? r : (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(r) { [column] = value }).ToList(),
        };
}

using System.Text;

namespace OolSpecs.SkipSummary;

/// <summary>Skips counted per test assembly and reason, in the order the reasons first came.</summary>
public sealed class SkipReasons
{
    readonly object gate = new();
    readonly List<(string Source, string Reason)> order = [];
    readonly Dictionary<(string Source, string Reason), int> counts = [];

    public void Add(string? reason, string? source)
    {
        var key = (Path.GetFileName(source ?? "tests"), string.IsNullOrWhiteSpace(reason) ? "(no reason given)" : reason.Trim());
        lock (gate)
        {
            if (counts.TryAdd(key, 1))
            {
                order.Add(key);
            }
            else
            {
                counts[key]++;
            }
        }
    }

    /// <summary>Empty when nothing was skipped; otherwise one block per assembly, one line per reason.</summary>
    public string Render()
    {
        lock (gate)
        {
            var text = new StringBuilder();
            foreach (var source in order.Select(k => k.Source).Distinct())
            {
                var reasons = order.Where(k => k.Source == source).ToList();
                text.Append($"  Skipped in {source}, by reason ({reasons.Sum(k => counts[k])} in all):\n");
                foreach (var key in reasons)
                {
                    text.Append($"  {counts[key],4} × {key.Reason.Replace("\n", "\n         ", StringComparison.Ordinal)}\n");
                }
            }

            return text.ToString();
        }
    }
}

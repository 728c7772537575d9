using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Cli;

/// <summary>
/// `observe --json`: the raw observations for machines, one JSON document. Each observation is
/// its record as the probe reported it (snake_case, the probe's words for enums), members a
/// record computes from those facts left out: they are judgements, and some throw on the other kernel.
/// </summary>
public static class ObservationJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new ProbeWordJsonConverter(), new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OnlyConstructorFacts } },
    };

    /// <summary>The platform, the observations, and under not_run what the chosen groups hold that this kernel does not run, with the reason.</summary>
    public static string Serialize(Platform platform, IEnumerable<(string Group, Observation Observation)> observations, IEnumerable<NotRun> notRun) =>
        JsonSerializer.Serialize(
            new
            {
                Platform = new { platform.Os, Release = platform.Release.ToString(), platform.Arch, Directory = platform.ReleaseDirectory },
                Observations = observations.Select(o => new
                {
                    Observe = o.Group,
                    o.Observation.Scenario.Family,
                    o.Observation.Scenario.Case,
                    SnapshotKey = o.Observation.Key.ToString(),
                    Observation = o.Observation.Value,
                }),
                NotRun = notRun.Select(n => n.Case is null ? (object)new { n.Observe, n.Reason } : new { n.Observe, n.Case, n.Reason }),
            },
            Options);

    /// <summary>Keeps a record's primary-constructor members, the facts it was made from.</summary>
    static void OnlyConstructorFacts(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.IsGenericType && type.Type.Name.StartsWith("<>", StringComparison.Ordinal))
        {
            return;
        }

        var parameters = type.Type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters()
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (parameters is null || parameters.Count == 0)
        {
            return;
        }

        foreach (var property in type.Properties.Where(p => p.AttributeProvider is MemberInfo member && !parameters.Contains(member.Name)).ToList())
        {
            type.Properties.Remove(property);
        }
    }
}

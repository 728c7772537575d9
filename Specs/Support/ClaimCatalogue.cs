using System.Reflection;
using OolSpecs.Harness.SourceWatch;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>
/// Every claim the specs declare (a public static Claim field of a static class), named
/// "Family.Class.Field", with the specs that assert it found in their compiled code: what the
/// citation check and the source watch take as input.
/// </summary>
public static class ClaimCatalogue
{
    static readonly Assembly Specs = typeof(ClaimCatalogue).Assembly;

    /// <summary>Which specs read each claim field: a walk of every method's IL, the same for the whole process, so made once.</summary>
    static readonly Lazy<ILookup<FieldInfo, MethodInfo>> Readers =
        new(() => StaticFieldReaders.Find(Specs, typeof(Claim), m => m.GetCustomAttributes<FactAttribute>().Any()));

    public static IReadOnlyList<(string Name, Claim Claim)> All { get; } =
        [.. ClaimFields().Select(f => (Name(f), (Claim)f.GetValue(null)!))];

    /// <summary>The claims on <paramref name="kernel"/> as the source watch takes them, each with the specs that assert it.</summary>
    public static IReadOnlyList<WatchedClaim> Watched(Kernel kernel)
    {
        var readers = Readers.Value;
        return [.. ClaimFields()
            .Select(f => (Field: f, Claim: (Claim)f.GetValue(null)!))
            .Where(c => c.Claim.Kernel == kernel)
            .Select(c => new WatchedClaim(Name(c.Field), c.Claim.Sentence, c.Claim.Source.Citations, c.Claim.Source.Tags,
                [.. readers[c.Field].Select(m => $"{m.DeclaringType!.FullName}.{m.Name}").Distinct().Order(StringComparer.Ordinal)]))];
    }

    static IEnumerable<FieldInfo> ClaimFields() =>
        Specs.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Namespace is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Claim)).OrderBy(f => f.MetadataToken));

    static string Name(FieldInfo field) => $"{field.DeclaringType!.Namespace!.Split('.').Last()}.{field.DeclaringType.Name}.{field.Name}";
}

using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Specs.Support;
using Xunit;

namespace OolSpecs.Harness.Docs;

/// <summary>
/// What the generated docs read from the spec assembly by reflection: the families (namespaces
/// under OolSpecs.Specs), their claims, their spec classes and specs, and the XML summaries.
/// A new family is found by being there; no list names them.
/// </summary>
public static partial class SpecFamilies
{
    public static readonly Assembly SpecAssembly = typeof(Lab).Assembly;

    /// <summary>Namespaces under OolSpecs.Specs that hold shared code or checks on data, not a family of behaviour.</summary>
    static readonly string[] NotBehaviour = ["Support", "PublishedTables"];

    static readonly Lazy<Dictionary<string, string>> summaries = new(() => ReadSummaries(SpecAssembly));

    /// <summary>Every namespace that has spec classes, in order (PublishedTables included: docs/specs.md lists its checks).</summary>
    public static IReadOnlyList<string> WithSpecs =>
        [.. SpecAssembly.GetTypes().Where(t => SpecMethods(t).Any()).Select(Family).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The behaviour families: namespaces with spec classes, except shared code and the published-table checks.</summary>
    public static IReadOnlyList<string> Behaviour => [.. WithSpecs.Except(NotBehaviour)];

    public static string Family(Type type) => type.Namespace!.Split('.').Last();

    /// <summary>The spec classes of a family, by name.</summary>
    public static IEnumerable<Type> SpecClasses(string family) =>
        SpecAssembly.GetTypes().Where(t => SpecMethods(t).Any() && Family(t) == family).OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every claim the family's claim classes (static classes) declare, in declaration order.</summary>
    public static IEnumerable<Claim> Claims(string family) =>
        SpecAssembly.GetTypes()
            .Where(t => t.Namespace is not null && Family(t) == family && t.IsAbstract && t.IsSealed)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Claim)).OrderBy(f => f.MetadataToken))
            .Select(f => (Claim)f.GetValue(null)!);

    public static IEnumerable<MethodInfo> SpecMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))
            .OrderBy(m => m.MetadataToken);

    /// <summary>The `oolspecs observe` names whose scenarios belong to the family.</summary>
    public static IEnumerable<string> ObserveNames(string family) =>
        ScenarioCatalogue.All.Where(g => g.Scenarios.Any(s => s.Family == family)).Select(g => g.Name);

    /// <summary>A member's XML summary as Markdown paragraphs, or null.</summary>
    public static string? Summary(Type type) => summaries.Value.GetValueOrDefault("T:" + type.FullName);

    /// <summary>A spec or class name read as a sentence: underscores become spaces, a trailing "Spec" goes.</summary>
    public static string Sentence(string name)
    {
        var words = name.Replace('_', ' ');
        words = SpecSuffix().Replace(words, "");
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    static Dictionary<string, string> ReadSummaries(Assembly assembly)
    {
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        return XDocument.Load(file).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => Flatten(m.Element("summary")!));
    }

    static string Flatten(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XElement { Name.LocalName: "see" } see => "`" + ((string?)see.Attribute("cref") ?? "").Split('.').Last() + "`",
            XElement { Name.LocalName: "para" } para => "\n\n" + para.Value,
            XElement other => other.Value,
            _ => n.ToString(),
        }));
        return string.Join("\n\n", text.Split("\n\n").Select(p => Whitespace().Replace(p, " ").Trim()).Where(p => p.Length > 0));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=\S) ?Spec$")]
    private static partial Regex SpecSuffix();
}

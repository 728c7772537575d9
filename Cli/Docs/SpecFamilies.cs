using System.Collections.Concurrent;
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

    /// <summary>The spec assembly's types and each type's specs, read once: a docs run asks for them hundreds of times.</summary>
    static readonly Lazy<Type[]> types = new(SpecAssembly.GetTypes);
    static readonly ConcurrentDictionary<Type, MethodInfo[]> specMethods = new();

    /// <summary>Every type of the spec assembly.</summary>
    public static IReadOnlyList<Type> Types => types.Value;

    /// <summary>Every namespace that has spec classes, in order (PublishedTables included: docs/specs.md lists its checks).</summary>
    public static IReadOnlyList<string> WithSpecs =>
        [.. Types.Where(t => SpecMethods(t).Any()).Select(Family).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The behaviour families: namespaces with spec classes, except shared code and the published-table checks.</summary>
    public static IReadOnlyList<string> Behaviour => [.. WithSpecs.Except(NotBehaviour)];

    public static string Family(Type type) => type.Namespace!.Split('.').Last();

    /// <summary>
    /// The one file of a family's spec side, its claims, table of cases and spec classes in that
    /// order: every family keeps this shape, so a new one copied from any of them is one file too.
    /// </summary>
    public static string SourceFile(string family) => $"Specs/{family}/{family}Spec.cs";

    /// <summary>The spec classes of a family, by name.</summary>
    public static IEnumerable<Type> SpecClasses(string family) =>
        Types.Where(t => SpecMethods(t).Any() && Family(t) == family).OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every claim the family's claim classes (static classes) declare, in declaration order.</summary>
    public static IEnumerable<Claim> Claims(string family) =>
        Types
            .Where(t => t.Namespace is not null && Family(t) == family && t.IsAbstract && t.IsSealed)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Claim)).OrderBy(f => f.MetadataToken))
            .Select(f => (Claim)f.GetValue(null)!);

    public static IEnumerable<MethodInfo> SpecMethods(Type type) =>
        specMethods.GetOrAdd(type, t => [.. t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))
            .OrderBy(m => m.MetadataToken)]);

    /// <summary>The `oolspecs observe` names whose scenarios belong to the family.</summary>
    public static IEnumerable<string> ObserveNames(string family) =>
        ScenarioCatalogue.All.Where(g => g.Scenarios.Any(s => s.Family == family)).Select(g => g.Name);

    /// <summary>A member's XML summary as Markdown paragraphs, or null.</summary>
    public static string? Summary(Type type) => summaries.Value.GetValueOrDefault("T:" + type.FullName);

    /// <summary>
    /// A spec's name read as a sentence: underscores become spaces, except between the parts of an
    /// upper-case identifier (KHEAP_MAX_SIZE); the words a C# name cannot spell are spelled (child's,
    /// malloc'ed, copy-on-write).
    /// </summary>
    public static string Sentence(string name)
    {
        var words = new List<string>();
        foreach (var token in name.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsIdentifierPart(token) && words.Count > 0 && IsIdentifierPart(words[^1].Split('_')[^1]))
            {
                words[^1] += "_" + token;
            }
            else
            {
                words.Add(token);
            }
        }

        var sentence = string.Join(' ', words);
        foreach (var (written, spelled) in SpellingPatterns)
        {
            sentence = written.Replace(sentence, spelled);
        }

        return sentence.Length == 0 ? name
            : sentence.Split(' ')[0].Contains('_') ? sentence
            : char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    /// <summary>A part of an upper-case identifier such as KHEAP_MAX_SIZE: two or more capitals or digits.</summary>
    static bool IsIdentifierPart(string token) => token.Length >= 2 && token.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    /// <summary>
    /// How the spec names write what an identifier cannot hold (an apostrophe, a hyphen), and how it
    /// reads. A possessive here is never a plural in a spec name; a new name that needs one adds it.
    /// </summary>
    static readonly (string Written, string Spelled)[] Spellings =
    [
        ("childs", "child's"),
        ("parents", "parent's"),
        ("others", "other's"),
        ("kernels", "kernel's"),
        ("receivers", "receiver's"),
        ("senders", "sender's"),
        ("regions", "region's"),
        ("originals frames", "original's frames"),
        ("mappings own", "mapping's own"),
        ("tasks charges", "tasks' charges"),
        ("malloced", "malloc'ed"),
        ("vm allocate memory", "vm_allocate'd memory"),
        ("copy on write", "copy-on-write"),
        ("small copy size", "small-copy size"),
        ("one page copy", "one-page copy"),
    ];

    /// <summary>The spellings as patterns, each made once: they are more than the fifteen that Regex caches.</summary>
    static readonly (Regex Written, string Spelled)[] SpellingPatterns =
        [.. Spellings.Select(s => (new Regex($@"\b{s.Written}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), s.Spelled))];

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
}

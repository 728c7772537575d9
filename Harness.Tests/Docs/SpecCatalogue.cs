using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;
using OolSpecs.Specs.Support;

namespace OolSpecs.Harness.Tests.Docs;

/// <summary>
/// docs/specs.md, made from the spec classes themselves: per family the claims it asserts (each
/// sentence as its claim declares it), then each class's summary and each spec's name read as a
/// sentence, so the documentation cannot drift from what runs.
/// </summary>
public static partial class SpecCatalogue
{
    public const string UpdateVariable = "OOLSPECS_UPDATE_DOCS";

    static readonly Assembly SpecAssembly = typeof(Lab).Assembly;

    public static string Render()
    {
        var summaries = Summaries(SpecAssembly);
        var report = new MarkdownReport()
            .Heading(1, "The specs")
            .Paragraph(
                $"Generated from the spec classes (`{UpdateVariable}=1 dotnet test --filter FullyQualifiedName~SpecCatalogue`); do not edit by hand. " +
                "Each line is one spec: it runs the kernel, asserts the claim, and most families then compare the whole observation with " +
                "`snapshots/<os>-<release>/<arch>/<family>/`.");
        foreach (var family in SpecAssembly.GetTypes().Where(t => Specs(t).Any()).GroupBy(Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            report.Heading(2, family.Key);
            foreach (var kernel in Claims(family.Key).GroupBy(c => c.Kernel).OrderBy(g => g.Key))
            {
                report.Paragraph($"Claims on {kernel.Key.Title()}:\n" + string.Join('\n', kernel.Select(c => $"- {c.Sentence} ({c.Source})")));
            }

            foreach (var type in family.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                report.Heading(3, Words(type.Name));
                if (summaries.TryGetValue("T:" + type.FullName, out var summary))
                {
                    report.Paragraph(summary);
                }

                report.Paragraph(string.Join('\n', Specs(type).Select(m => "- " + Words(m.Name))));
            }
        }

        return report.ToString();
    }

    static string Family(Type type) => type.Namespace!.Split('.').Last();

    /// <summary>Every claim the family's claim classes declare, in declaration order.</summary>
    static IEnumerable<Claim> Claims(string family) =>
        SpecAssembly.GetTypes()
            .Where(t => t.Namespace is not null && Family(t) == family && t.IsAbstract && t.IsSealed)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Claim)).OrderBy(f => f.MetadataToken))
            .Select(f => (Claim)f.GetValue(null)!);

    static IEnumerable<MethodInfo> Specs(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))
            .OrderBy(m => m.MetadataToken);

    static string Words(string name)
    {
        var words = name.Replace('_', ' ');
        words = SpecSuffix().Replace(words, "");
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    static Dictionary<string, string> Summaries(Assembly assembly)
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

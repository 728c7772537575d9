using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OolSpecs.Harness.Rendering;

namespace OolSpecs.Specs.Docs;

/// <summary>
/// docs/specs.md, made from the spec classes themselves: each class's summary and each
/// spec's name read as a sentence, so the documentation cannot drift from what runs.
/// </summary>
public static partial class SpecCatalogue
{
    public const string UpdateVariable = "OOLSPECS_UPDATE_DOCS";

    public static string Render()
    {
        var assembly = typeof(SpecCatalogue).Assembly;
        var summaries = Summaries(assembly);
        var report = new MarkdownReport()
            .Heading(1, "The specs")
            .Paragraph(
                $"Generated from the spec classes (`{UpdateVariable}=1 dotnet test --filter FullyQualifiedName~SpecCatalogue`); do not edit by hand. " +
                "Each line is one spec: it runs the kernel, asserts the claim, and most families then compare the whole observation with " +
                "`snapshots/<os>-<release>/<arch>/<family>/`.");
        foreach (var family in assembly.GetTypes().Where(t => Specs(t).Any()).GroupBy(t => t.Namespace!.Split('.').Last()).OrderBy(g => g.Key))
        {
            report.Heading(2, family.Key);
            foreach (var type in family.OrderBy(t => t.Name))
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

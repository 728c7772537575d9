using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Tests.Probe;

/// <summary>
/// The XNU half of the probe cannot run here, so its JSON cannot be parsed here either. This
/// keeps the two sides in step the only way Linux can, for each kernel's build: every key the
/// records require is one that a source file built for that kernel writes, and every step name
/// the harness knows is one the sources print. The records are found from the
/// <see cref="ProbeOutputAttribute"/> documents down, through their required members.
/// </summary>
public sealed partial class ProbeContractTests
{
    public static TheoryData<Kernel> Kernels => [.. Enum.GetValues<Kernel>()];

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Every_key_the_records_require_is_written_by_that_kernels_probe_sources(Kernel kernel)
    {
        var written = KeysWrittenBy(SourcesBuiltFor(kernel));
        var required = ProbeDocuments(kernel).SelectMany(RequiredKeys).Distinct().ToList();

        written.Should().Contain("page_size", "the scan finds the emitters");
        required.Should().Contain(key => key.Key == "step", "the walk reaches the step records");
        required.Where(key => !written.Contains(key.Key)).Select(key => $"{key.Record}.{key.Key}")
            .Should().BeEmpty("the harness would reject the {0} probe's JSON", kernel.Title());
    }

    [Fact]
    public void Every_step_name_the_harness_knows_is_printed_by_the_probe_sources()
    {
        var printed = StringLiteral().Matches(string.Concat(Directory.GetFiles(SourceDirectory, "*.c").Select(File.ReadAllText)))
            .Select(m => m.Groups[1].Value).ToHashSet();
        var known = StepNameClasses()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            .Select(f => (Name: $"{f.DeclaringType!.Name}.{f.Name}", Word: (string)f.GetRawConstantValue()!));

        known.Where(step => !printed.Contains(step.Word)).Select(step => $"{step.Name} = \"{step.Word}\"")
            .Should().BeEmpty("a step the probe never prints would make a spec look for nothing");
    }

    [Fact]
    public void Every_probe_word_the_harness_sends_is_one_the_probe_sources_accept()
    {
        var sources = string.Concat(Directory.GetFiles(SourceDirectory, "*.c").Select(File.ReadAllText));
        var words = typeof(ProbeWords).Assembly.GetTypes().Where(ProbeWords.HasWords).SelectMany(t => ProbeWords.Known(t).Select(w => (Type: t.Name, Word: w)));

        words.Where(w => !sources.Contains($"\"{w.Word}\"", StringComparison.Ordinal)).Select(w => $"{w.Type}: {w.Word}")
            .Should().BeEmpty("every word in the harness's vocabulary is spelled the same way in the probe");
    }

    /// <summary>The static classes of step names: <c>ForkSteps</c>, <c>OolSteps</c> and any family's to come.</summary>
    static IEnumerable<Type> StepNameClasses()
    {
        var classes = typeof(ForkSteps).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ForkSteps).Namespace && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Steps", StringComparison.Ordinal))
            .ToList();
        classes.Should().Contain([typeof(ForkSteps), typeof(OolSteps)], "the step classes are found by their names");
        return classes;
    }

    static string SourceDirectory => RepositoryRoot.Combine("Native", "src");

    /// <summary>The files make builds for a kernel: the portable ones and that kernel's backend.</summary>
    static IEnumerable<string> SourcesBuiltFor(Kernel kernel)
    {
        var other = kernel == Kernel.Xnu ? new[] { "linux_", "platform_linux" } : ["xnu_", "platform_xnu"];
        return Directory.GetFiles(SourceDirectory, "*.c").Where(f => !other.Any(Path.GetFileName(f).StartsWith));
    }

    static IEnumerable<Type> ProbeDocuments(Kernel kernel) =>
        typeof(ProbeOutputAttribute).Assembly.GetTypes().Where(t => t.GetCustomAttribute<ProbeOutputAttribute>()?.Kernels.Contains(kernel) == true);

    static HashSet<string> KeysWrittenBy(IEnumerable<string> files) =>
        files.SelectMany(f => JsonKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

    /// <summary>The keys a record's constructor requires, and those of the records they hold, all the way down.</summary>
    static IEnumerable<(string Record, string Key)> RequiredKeys(Type record)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([record]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var parameter in type.GetConstructors().Single().GetParameters().Where(p => !p.HasDefaultValue))
            {
                yield return (type.Name, type.GetProperty(parameter.Name!)?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                    ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name!));
                if (RecordIn(parameter.ParameterType) is { } held)
                {
                    pending.Push(held);
                }
            }
        }
    }

    /// <summary>The probe record a member holds, itself or as a list's element; null for plain values.</summary>
    static Type? RecordIn(Type type)
    {
        var element = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;
        return element.Assembly == typeof(XnuRegion).Assembly && element.IsClass ? element : null;
    }

    // json_key*("key", ...) and the emitters, which write a value under the key they are given:
    // content_check_emit("parent", ...), fork-inherit's emit_verdict("child_sees_parent_write", ...).
    [GeneratedRegex("""\b(?:json_key\w*|\w*emit\w*)\("([a-z_]+)"[,)]""")]
    private static partial Regex JsonKey();

    [GeneratedRegex("\"([a-z][a-z-]*)\"")]
    private static partial Regex StringLiteral();
}

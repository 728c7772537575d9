using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using OolSpecs.Harness.Observations;

namespace OolSpecs.Harness.Tests.Probe;

/// <summary>
/// The XNU half of the probe cannot run here, so its JSON cannot be parsed here either. This
/// keeps the two sides in step the only way Linux can: every key the XNU records require is
/// one that an XNU-built source file writes.
/// </summary>
public sealed partial class XnuJsonContractTests
{
    static readonly Type[] XnuRecords =
    [
        typeof(PlatformFacts), typeof(XnuRegion), typeof(ForkCowRun), typeof(ForkCowStep),
        typeof(OolTransferRun), typeof(OolSenderMessage), typeof(OolReceiver), typeof(OolReceivedMessage),
        typeof(OolDescriptor), typeof(TaskRegionStep),
    ];

    [Fact]
    public void Every_key_the_XNU_records_require_is_written_by_the_XNU_probe_sources()
    {
        var written = KeysWrittenBy(XnuBuiltSources());

        var missing = XnuRecords.SelectMany(RequiredKeys).Where(key => !written.Contains(key.Key)).Select(key => $"{key.Record}.{key.Key}");

        written.Should().Contain("share_mode", "the scan finds the emitters");
        missing.Should().BeEmpty("the harness would reject the XNU probe's JSON");
    }

    /// <summary>The files make builds for macOS: everything but the Linux backend.</summary>
    static IEnumerable<string> XnuBuiltSources() =>
        Directory.GetFiles(RepositoryRoot.Combine("Native", "src"), "*.c")
            .Where(f => !Path.GetFileName(f).StartsWith("linux_", StringComparison.Ordinal) && Path.GetFileName(f) != "platform_linux.c");

    static HashSet<string> KeysWrittenBy(IEnumerable<string> files) =>
        files.SelectMany(f => JsonKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

    static IEnumerable<(string Record, string Key)> RequiredKeys(Type record) =>
        record.GetConstructors().Single().GetParameters()
            .Where(p => !p.HasDefaultValue)
            .Select(p => (record.Name, record.GetProperty(p.Name!)?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!)));

    [GeneratedRegex("""json_key(?:_[a-z]+)?\("([a-z_]+)"[,)]""")]
    private static partial Regex JsonKey();
}

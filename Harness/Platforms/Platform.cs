using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Platforms;

/// <summary>
/// Where an observation was made: the snapshot tree is keyed by it.
/// <see cref="Os"/> is "macos" or "linux"; <see cref="Arch"/> is "arm64" or "x86_64", the
/// arch the process runs natively (a Rosetta-translated run is refused, never named).
/// </summary>
public sealed record Platform(string Os, ReleaseVersion Release, string Arch)
{
    /// <summary>The release directory name in the snapshot tree, e.g. "macos-15.1".</summary>
    public string ReleaseDirectory => $"{Os}-{Release}";

    /// <summary>The kernel behind the OS: XNU under macOS, Linux under Linux.</summary>
    public Kernel Kernel => Os switch
    {
        "macos" => Kernel.Xnu,
        "linux" => Kernel.Linux,
        _ => throw new InvalidOperationException($"No kernel is known for os '{Os}'."),
    };

    public override string ToString() => $"{ReleaseDirectory} {Arch}";

    /// <summary>Reads a release directory name back, e.g. "linux-6.18" (false for anything else).</summary>
    public static bool TryParseReleaseDirectory(string name, out string os, out ReleaseVersion release)
    {
        os = "";
        release = default;
        var dash = name.LastIndexOf('-');
        if (dash <= 0 || dash == name.Length - 1)
        {
            return false;
        }

        var text = name[(dash + 1)..];
        if (!ReleaseVersion.TryParseLeading(text, out release) || release.ToString() != text)
        {
            return false;
        }

        os = name[..dash];
        return true;
    }
}

using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Platforms;

/// <summary>
/// The probe runs translated by Rosetta (an x86_64 .NET on an Apple-silicon Mac). The public
/// source does not settle such a process's page geometry, so several claims would fail for
/// reasons that are not the release's, and its observations are not a native Mac's: OolSpecs
/// refuses the platform (`oolspecs` exits 3, the specs skip) and never files a snapshot for it.
/// </summary>
public sealed class TranslatedProcessException(string machine)
    : ProbeException(
        $"The probe runs translated by Rosetta ({machine} code on an Apple-silicon Mac): this .NET is the x86_64 one. " +
        "A translated process's page geometry is not the native kernel's, so OolSpecs observes nothing here. " +
        "Run the arm64 .NET: install the Arm64 .NET SDK (`dotnet --info` shows RID osx-arm64; its dotnet is " +
        "/usr/local/share/dotnet/dotnet, the x64 one /usr/local/share/dotnet/x64/dotnet), then `dotnet build` again.");

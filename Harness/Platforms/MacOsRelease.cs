using OolSpecs.Harness.Probe;

namespace OolSpecs.Harness.Platforms;

/// <summary>
/// The macOS release a Mac runs, decided from the kernel's Darwin version (kern.osrelease)
/// with the product version (kern.osproductversion) as a cross-check. The product version
/// alone is not the kernel's: on macOS 26 a process built against an older SDK reads 16.0
/// from it (SystemVersionCompat.plist), which would file its snapshots under macos-16.0.
/// </summary>
/// <remarks>
/// Darwin 20 to 24 are macOS 11 to 15 (major minus 9). Darwin 25 is macOS 26, and from there
/// Apple numbers macOS by year, one ahead of Darwin: product major = Darwin major + 1. That
/// rule is applied to later Darwin majors too, but only ever where the product version agrees
/// with it or is the compatibility shim; any other pair is refused. Darwin before 20 is refused.
/// </remarks>
public static class MacOsRelease
{
    const int FirstKnownDarwin = 20;
    const int FirstYearNumberedDarwin = 25;

    /// <summary>The product major a process built against an SDK older than macOS 26 is shown there.</summary>
    const int CompatibilityShimMajor = 16;

    public static ReleaseVersion From(string productVersion, string darwinRelease)
    {
        if (!ReleaseVersion.TryParseLeading(darwinRelease, out var darwin) || darwin.Major < FirstKnownDarwin)
        {
            throw Refused(productVersion, darwinRelease, $"OolSpecs knows Darwin {FirstKnownDarwin} (macOS 11) and later");
        }

        var major = darwin.Major >= FirstYearNumberedDarwin ? darwin.Major + 1 : darwin.Major - 9;
        if (!ReleaseVersion.TryParseLeading(productVersion, out var product))
        {
            throw Refused(productVersion, darwinRelease, "the product version is not a release number");
        }

        if (product.Major == major)
        {
            // The product minor is the precise one: macOS 14.7 still runs Darwin 23.6.
            return product;
        }

        if (darwin.Major >= FirstYearNumberedDarwin && product.Major == CompatibilityShimMajor)
        {
            // The shim hides the minor; since macOS 26 it follows Darwin's (26.1 is Darwin 25.1).
            return new ReleaseVersion(major, darwin.Minor);
        }

        throw Refused(productVersion, darwinRelease, $"Darwin {darwin.Major} is macOS {major}");
    }

    static ProbeException Refused(string productVersion, string darwinRelease, string why) =>
        new($"The probe reports macOS product version '{productVersion}' (kern.osproductversion) with Darwin '{darwinRelease}' " +
            $"(kern.osrelease), a pair OolSpecs cannot file a release under: {why}. Rebuild the probe with `dotnet build` " +
            "using the Xcode command line tools of this macOS, and report the pair if it stays.");
}

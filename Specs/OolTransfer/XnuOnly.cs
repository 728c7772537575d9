using OolSpecs.Harness.Platforms;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>The gate of every OOL spec: Mach messages exist only on XNU.</summary>
public static class XnuOnly
{
    public static void Require() =>
        Skip.If(Lab.Kernel != KernelKind.Xnu,
            "Mach messages exist only on XNU; Linux has none. Here the probe is cross-compiled for macOS and these claims are checked against the article's table.");
}

namespace OolSpecs.Harness.Words;

/// <summary>The kernel under observation. The OS names a snapshot directory; the kernel decides what runs.</summary>
public enum Kernel
{
    [ProbeWord("xnu")] Xnu,
    [ProbeWord("linux")] Linux,
}

public static class KernelNames
{
    /// <summary>The kernel's name for a reader: "XNU", "Linux".</summary>
    public static string Title(this Kernel kernel) => kernel switch
    {
        Kernel.Xnu => "XNU",
        Kernel.Linux => "Linux",
        _ => kernel.ToString(),
    };
}

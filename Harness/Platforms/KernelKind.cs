namespace OolSpecs.Harness.Platforms;

public enum KernelKind
{
    Xnu,
    Linux,
}

public static class PlatformKernel
{
    public static KernelKind Kernel(this Platform platform) => platform.Os switch
    {
        "macos" => KernelKind.Xnu,
        "linux" => KernelKind.Linux,
        _ => throw new InvalidOperationException($"No kernel is known for os '{platform.Os}'."),
    };
}

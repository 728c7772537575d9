using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>Where the kernel-buffer path ends, and what happens to a payload just past it that is not whole pages.</summary>
public static class ThresholdClaims
{
    public static readonly Claim ThresholdIsKheapMaxSize =
        new(Kernel.Xnu, "the small-copy size, up to which a payload goes through a kernel buffer, is KHEAP_MAX_SIZE of the kernel's arch",
            KernelSource.Xnu(XnuFunctions.IpcInit.Because("`msg_ool_size_small = KHEAP_MAX_SIZE`"), XnuFunctions.KheapMaxSize.Because("per arch"), XnuFunctions.VmMapCopyinInternal.Because("`len <= msg_ool_size_small`")));

    public static readonly Claim MisalignedPayloadIsCopiedAtReceive =
        new(Kernel.Xnu, "a payload one byte past the small-copy size and under three pages of bytes is copied in full at receive",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.Because("a misaligned copy is copied out with `vm_map_copy_overwrite` into a fresh VM_MEMORY_MACH_MSG region"), XnuFunctions.VmMapCopyOverwrite, XnuFunctions.VmMapCopyOverwriteUnaligned));

    public static readonly Claim MisalignedWholePagesKeepTheSendersObject =
        new(Kernel.Xnu, "a payload one byte past the small-copy size and of three pages of bytes or more keeps the sender's object for its whole pages at receive",
            KernelSource.Xnu(XnuFunctions.IpcKmsgCopyoutOolDescriptor.Because("a misaligned copy goes to `vm_map_copy_overwrite`"), XnuFunctions.VmMapCopyOverwrite.Because("from `VM_MAP_COPY_OVERWRITE_OPTIMIZATION_THRESHOLD_PAGES`, 3, only the unaligned head and tail take `vm_map_copy_overwrite_nested`"), XnuFunctions.VmMapCopyOverwriteAligned.Because("a fresh destination entry takes the copy's object")));

    /// <summary>
    /// Whether vm_map_copy_overwrite maps a misaligned payload's whole pages rather than copying them:
    /// from three of the kernel's pages of bytes on (4 KiB on x86_64, 16 KiB on arm64; a translated
    /// run, whose map pages could differ from the kernel's, is refused before any spec runs).
    /// </summary>
    public static bool MapsWholePages(long bytes, string arch) => bytes >= 3 * (arch == "x86_64" ? 4096 : 16384);

    /// <summary>The kernel's small-copy size for the arch the snapshot tree names.</summary>
    public static long Expected(string arch) => arch switch
    {
        "arm64" => 32 * 1024,
        "x86_64" => 16 * 1024,
        _ => throw new ArgumentException($"No small-copy size is known for arch '{arch}'.", nameof(arch)),
    };

    public static ClaimVerdict Threshold(OolThresholdSweep sweep, string arch)
    {
        var expected = Expected(arch);
        var verdict = new ClaimVerdict(ThresholdIsKheapMaxSize)
            .Expect(sweep.Threshold == expected, $"the largest size through a kernel buffer is {sweep.Threshold?.ToString() ?? "none"} bytes, not {expected} (KHEAP_MAX_SIZE: 32 KiB on arm64, Rosetta included, 16 KiB on x86_64)");
        foreach (var point in sweep.Points)
        {
            verdict.Expect(point.KernelBuffer == (point.Bytes <= expected),
                $"{point.Bytes} bytes took the path '{point.Path.InWords()}' (receiver user_tag {point.ReceiverTag})");
        }

        return verdict;
    }

    /// <summary>The claim of the arch's size one byte past the threshold: copied in full, or its whole pages mapped.</summary>
    public static ClaimVerdict Misaligned(OolThresholdSweep sweep, string arch)
    {
        var size = Expected(arch) + 1;
        var point = sweep.Points.SingleOrDefault(p => p.Bytes == size);
        var (claim, path) = MapsWholePages(size, arch)
            ? (MisalignedWholePagesKeepTheSendersObject, CopyPath.WholePagesMappedAtReceive)
            : (MisalignedPayloadIsCopiedAtReceive, CopyPath.CopiedAtReceive);
        return new ClaimVerdict(claim)
            .Expect(point is not null, $"the sweep has no transfer of {size} bytes")
            .Expect(point is null || point.Path == path,
                $"{size} bytes took the path '{point?.Path.InWords()}' (receiver user_tag {point?.ReceiverTag}), not '{path.InWords()}'");
    }
}

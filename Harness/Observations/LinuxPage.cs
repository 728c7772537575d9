namespace OolSpecs.Harness.Observations;

/// <summary>
/// One page as /proc/self/pagemap and /proc/kpagecount report it. <see cref="Pfn"/> and
/// <see cref="MapCount"/> are null when the page is not present or when the process lacks
/// CAP_SYS_ADMIN (then <see cref="FrameAvailability"/> says why).
/// </summary>
public sealed record LinuxPage(
    bool Present,
    bool Swapped,
    bool Exclusive,
    bool SoftDirty,
    bool FileOrShared,
    ulong? Pfn,
    ulong? MapCount);

/// <summary>The mapping (VMA) holding the buffer, from /proc/self/smaps; sizes in kB as the kernel prints them.</summary>
public sealed record LinuxVma(
    ulong Start,
    ulong End,
    long RssKb,
    long PssKb,
    long PrivateCleanKb,
    long PrivateDirtyKb,
    long SharedCleanKb,
    long SharedDirtyKb,
    long AnonymousKb,
    long SwapKb);

/// <summary>Whether frame numbers and map counts could be read, and if not, the kernel's reason.</summary>
public sealed record FrameAvailability(bool Available, string? Reason);

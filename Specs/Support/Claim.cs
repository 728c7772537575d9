using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.Support;

/// <summary>
/// A documented behaviour of one kernel, as one sentence, written once, with the kernel source
/// that decides it: assertions, failure messages and the generated docs all quote it from here.
/// </summary>
public sealed record Claim(Kernel Kernel, string Sentence, KernelSource Source)
{
    public override string ToString() => Sentence;
}

/// <summary>
/// Where a claim comes from: the kernel functions that decide it, and the source release(s)
/// they were read at. With no Mac here, the source is the check an XNU claim has.
/// </summary>
public sealed record KernelSource(string DecidedBy, string ReadAt)
{
    /// <summary>The XNU tags read: macOS 14, 15.0-15.3 and 15.4-15.5. macOS 26's xnu is not public.</summary>
    public const string XnuTags = "xnu-10002.81.5, xnu-11215.81.4, xnu-11417.121.6";

    /// <summary>
    /// The Linux source read: mainline 6.x (mm/memory.c, mm/mmap.c, mm/madvise.c, fs/proc/task_mmu.c),
    /// not a tree pinned to a release; every Linux claim also runs for real, on 6.18 here.
    /// </summary>
    public const string LinuxRelease = "Linux 6.x mainline";

    public static KernelSource Xnu(string decidedBy) => new(decidedBy, XnuTags);

    public static KernelSource Linux(string decidedBy) => new(decidedBy, LinuxRelease);

    public override string ToString() => $"decided by {DecidedBy}; read at {ReadAt}";
}

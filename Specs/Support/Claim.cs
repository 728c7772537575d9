using OolSpecs.Harness.SourceWatch;
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
/// Where a claim comes from: the kernel functions that decide it (<see cref="XnuFunctions"/>,
/// <see cref="LinuxFunctions"/>), each with what it decides, and the source release(s) they were
/// read at. With no Mac here, the source is the check an XNU claim has; a test checks every XNU
/// citation against a clone of the source, and `source-watch` tells what to re-read on a new tag.
/// </summary>
public sealed record KernelSource(Kernel Kernel, IReadOnlyList<Citation> Citations, IReadOnlyList<string> Tags)
{
    /// <summary>
    /// The Linux source read: mainline 6.x (mm/memory.c, mm/mmap.c, mm/madvise.c, fs/proc/task_mmu.c),
    /// not a tree pinned to a release; every Linux claim also runs for real, on 6.18 here.
    /// </summary>
    public const string LinuxRelease = "Linux 6.x mainline";

    /// <summary>Read at every tag of <see cref="XnuTags.All"/>.</summary>
    public static KernelSource Xnu(params Citation[] citations) => new(Kernel.Xnu, citations, XnuTags.All);

    public static KernelSource Linux(params Citation[] citations) => new(Kernel.Linux, citations, [LinuxRelease]);

    /// <summary>The same source, read at these tags only: a claim lists only the tags actually read.</summary>
    public KernelSource ReadOnlyAt(params string[] tags) => this with { Tags = tags };

    /// <summary>The cited functions with their files and notes, as the docs show them.</summary>
    public string DecidedBy => string.Join(", ", Citations.Select(c => c.Render(Tags)));

    public string ReadAt => string.Join(", ", Tags);

    public override string ToString() => $"decided by {DecidedBy}; read at {ReadAt}";
}

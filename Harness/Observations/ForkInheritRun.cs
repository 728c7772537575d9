using System.Text.Json.Serialization;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Observations;

/// <summary>
/// What `oolprobe fork-inherit` reports: the parent maps and fills a buffer as
/// <see cref="Mode"/> says, forks, and writes again; the child reads, then writes. Each of the
/// five steps says whether its process mapped the buffer and, if it did, how it was backed;
/// <see cref="Content"/> says what each side read of the other's writes.
/// </summary>
[Probe.ProbeOutput("fork-inherit")]
public sealed record ForkInheritRun(
    string Scenario,
    Kernel Kernel,
    InheritMode Mode,
    string Setup,
    string Description,
    long PageSize,
    int Pages,
    ulong Buffer,
    IReadOnlyList<ForkInheritStep> Steps,
    ForkInheritContent Content,
    FrameAvailability? Frames = null) : IReportsFrames
{
    public ForkInheritStep Step(string name) =>
        Steps.SingleOrDefault(s => s.Step == name)
        ?? throw new InvalidOperationException($"The fork-inherit run has no step '{name}'; it has {string.Join(", ", Steps.Select(s => s.Step))}.");

    /// <summary>False where the process lacked CAP_SYS_ADMIN (Linux): frames and map counts are then unknown.</summary>
    public bool FramesKnown => Frames?.Available ?? false;

    /// <summary>The buffer's size in bytes.</summary>
    public long Bytes => Pages * PageSize;
}

/// <summary>
/// One step. Where <see cref="Mapped"/> is false the process has nothing at the buffer's
/// address and no facts follow; otherwise on XNU <see cref="Region"/> is set, on Linux
/// <see cref="PageStates"/> and <see cref="Vma"/>, and the CPUs the process was allowed to run on.
/// </summary>
public sealed record ForkInheritStep(
    string Step,
    string Actor,
    bool Mapped,
    XnuRegion? Region = null,
    [property: JsonPropertyName("pages")] IReadOnlyList<LinuxPage>? PageStates = null,
    LinuxVma? Vma = null,
    int? CpusAllowed = null,
    int? PinnedCpu = null)
{
    public XnuRegion XnuRegion => Region ?? throw new InvalidOperationException($"Step '{Step}' has no XNU region: {Missing}.");

    public IReadOnlyList<LinuxPage> LinuxPages => PageStates ?? throw new InvalidOperationException($"Step '{Step}' has no Linux pages: {Missing}.");

    public LinuxVma LinuxVma => Vma ?? throw new InvalidOperationException($"Step '{Step}' has no Linux VMA: {Missing}.");

    string Missing => Mapped ? "this run is from the other kernel" : $"the {Actor} does not map the buffer";
}

/// <summary>
/// What each side read. A check is null where it could not apply: a child that maps nothing
/// reads nothing, and the child's reading "as at the fork" needs it to have read the parent's
/// data or zeros. The verdicts (<see cref="ChildSeesParentWrite"/>, <see cref="ParentSeesChildWrite"/>)
/// are null for the same reason. <see cref="ReadBack"/> is each side's own write, read back right
/// after it was made.
/// </summary>
public sealed record ForkInheritContent(
    ChildReading ChildReadsAtFork,
    ChildAtForkChecks ChildAtFork,
    bool? ChildSeesParentWrite,
    ChildAfterParentWriteChecks ChildAfterParentWrite,
    bool? ParentSeesChildWrite,
    ParentAfterChildWriteChecks ParentAfterChildWrite,
    ReadBacks ReadBack);

/// <summary>The child's reading right after the fork: the parent's fill, and zeros.</summary>
public sealed record ChildAtForkChecks(ContentCheck? Parent, ContentCheck? Zeros);

/// <summary>The child's reading after the parent wrote again: that write, and what it read at the fork.</summary>
public sealed record ChildAfterParentWriteChecks(ContentCheck? ParentAgain, ContentCheck? AsAtFork);

/// <summary>
/// The parent's reading after the child wrote: the child's write, the parent's own last write,
/// and (a control, which must differ) the parent's first fill, written over since.
/// </summary>
public sealed record ParentAfterChildWriteChecks(ContentCheck? Child, ContentCheck? ParentAgain, ContentCheck? FirstFill);

/// <summary>The step names of fork-inherit, in the order they happen.</summary>
public static class ForkInheritSteps
{
    public const string ParentAfterFill = "parent-after-fill";
    public const string ChildAfterFork = "child-after-fork";
    public const string ParentAfterWrite = "parent-after-write";
    public const string ChildAfterWrite = "child-after-write";
    public const string ParentAfterChildWrite = "parent-after-child-write";

    public static readonly IReadOnlyList<string> InOrder =
        [ParentAfterFill, ChildAfterFork, ParentAfterWrite, ChildAfterWrite, ParentAfterChildWrite];
}

using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Observations;

/// <summary>
/// What `oolprobe fork-cow` reports: the buffer after each of the six steps, and what parent
/// and child read back. <see cref="ChildWrites"/> says whether the child wrote every page or
/// only the first.
/// </summary>
[Probe.ProbeOutput("fork-cow")]
public sealed record ForkCowRun(
    string Scenario,
    Kernel Kernel,
    long PageSize,
    int Pages,
    Fill ChildWrites,
    ulong Buffer,
    IReadOnlyList<ForkCowStep> Steps,
    ForkContent Content,
    FrameAvailability? Frames = null) : IReportsFrames
{
    public ForkCowStep Step(string name) =>
        Steps.SingleOrDefault(s => s.Step == name)
        ?? throw new InvalidOperationException($"The fork-cow run has no step '{name}'; it has {string.Join(", ", Steps.Select(s => s.Step))}.");

    /// <summary>False where the process lacked CAP_SYS_ADMIN: frames and map counts are then unknown.</summary>
    public bool FramesKnown => Frames?.Available ?? false;
}

/// <summary>
/// One step. On XNU <see cref="Region"/> is set; on Linux <see cref="PageStates"/> and <see cref="Vma"/>,
/// and the CPUs the observing process was allowed to run on (<see cref="CpusAllowed"/>; the one
/// CPU, <see cref="PinnedCpu"/>, when there is only one).
/// </summary>
public sealed record ForkCowStep(
    string Step,
    string Actor,
    XnuRegion? Region = null,
    [property: System.Text.Json.Serialization.JsonPropertyName("pages")] IReadOnlyList<LinuxPage>? PageStates = null,
    LinuxVma? Vma = null,
    int? CpusAllowed = null,
    int? PinnedCpu = null)
{
    public XnuRegion XnuRegion => Region ?? throw new InvalidOperationException($"Step '{Step}' has no XNU region: this run is not from XNU.");

    public IReadOnlyList<LinuxPage> LinuxPages => PageStates ?? throw new InvalidOperationException($"Step '{Step}' has no Linux pages: this run is not from Linux.");

    public LinuxVma LinuxVma => Vma ?? throw new InvalidOperationException($"Step '{Step}' has no Linux VMA: this run is not from Linux.");
}

/// <summary>
/// The content checks of the fork walk-through: the child read the parent's data; the parent
/// never read the child's write; the child never read the parent's second write. Each write was
/// read back by its writer (<see cref="ReadBack"/>), and each reading was also compared with
/// the bytes it must not be (<see cref="Controls"/>).
/// </summary>
public sealed record ForkContent(
    ContentCheck ChildReadsParentData,
    ContentCheck ParentNeverReadsChildWrite,
    ContentCheck ChildNeverReadsParentWrite,
    ReadBacks ReadBack,
    ForkControls Controls);

/// <summary>
/// The readings compared with what they must not be: the child's at the fork with zeros, the
/// parent's before its second write with what the child's buffer holds, and the child's last
/// with the parent's second write. Writers' patterns (and zeros) differ at every offset, and
/// each control covers bytes the other writer wrote, so each must report a difference; one
/// that does not shows a comparison that did not compare.
/// </summary>
public sealed record ForkControls(ContentCheck ChildAtForkAgainstZeros, ContentCheck ParentAgainstChildWrite, ContentCheck ChildAgainstParentWrite);

/// <summary>The step names of the fork walk-through, in the article's order.</summary>
public static class ForkSteps
{
    public const string AfterMap = "after-map";
    public const string AfterWrite = "after-write";
    public const string ChildAfterFork = "child-after-fork";
    public const string ChildAfterWrite = "child-after-write";
    public const string ParentBeforeWrite = "parent-before-write";
    public const string ParentAfterWrite = "parent-after-write";

    public static readonly IReadOnlyList<string> InOrder =
        [AfterMap, AfterWrite, ChildAfterFork, ChildAfterWrite, ParentBeforeWrite, ParentAfterWrite];
}

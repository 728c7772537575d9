using System.Text.Json.Serialization;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Observations;

/// <summary>
/// What `oolprobe second-view` reports: the original is filled, a second view of it is made in
/// the way <see cref="View"/> says (each call's result in <see cref="Calls"/>; a refusal is an
/// observation), then the original is written and the view read, and the view is written and the
/// original read. Each step holds both sides' facts; <see cref="Content"/> what each side read.
/// </summary>
[Probe.ProbeOutput("second-view")]
public sealed record SecondViewRun(
    string Scenario,
    Kernel Kernel,
    SecondViewWay View,
    string Setup,
    string Description,
    long PageSize,
    int Pages,
    ViewOriginal OriginalIs,
    IReadOnlyList<ViewCall> Calls,
    IReadOnlyList<SecondViewStep> Steps,
    ViewWrites Writes,
    SecondViewContent Content,
    FrameAvailability? Frames = null) : IReportsFrames
{
    public SecondViewStep Step(string name) =>
        Steps.SingleOrDefault(s => s.Step == name)
        ?? throw new InvalidOperationException($"The second-view run has no step '{name}'; it has {string.Join(", ", Steps.Select(s => s.Step))}.");

    /// <summary>Whether the last call made the view: a refused view has no facts and no content.</summary>
    public bool ViewMade => Calls.Count > 0 && Calls[^1].Done;

    /// <summary>False where the process lacked CAP_SYS_ADMIN (Linux): frames and map counts are then unknown.</summary>
    public bool FramesKnown => Frames?.Available ?? false;
}

/// <summary>
/// One call made on the way to the view: whether it did what was asked, and if not the error as
/// the kernel gave it (an errno name on Linux, a kern_return_t name on XNU, with its number).
/// </summary>
public sealed record ViewCall(string Call, bool Done, string? Error, int? KernReturn = null);

/// <summary>
/// One step, with each side's facts: null where the side is not memory (a file original) or was
/// not made. On Linux a side has <see cref="ViewSide.PageStates"/> and a VMA, on XNU a region.
/// </summary>
public sealed record SecondViewStep(string Step, ViewSide? Original, ViewSide? View);

public sealed record ViewSide(
    XnuRegion? Region = null,
    [property: JsonPropertyName("pages")] IReadOnlyList<LinuxPage>? PageStates = null,
    LinuxVma? Vma = null,
    int? CpusAllowed = null,
    int? PinnedCpu = null);

/// <summary>Each side's write: whether it was tried (a view that was not made is not written) and done.</summary>
public sealed record ViewWrites(ViewWrite Original, ViewWrite View);

public sealed record ViewWrite(bool Tried, bool Done, string? Error);

/// <summary>
/// What each side read, each check null where it could not apply (no view). The original is
/// filled first; the view reads the fill; the original writes and reads back its write, then the
/// view is read for that write and for the fill; the view writes and reads back its write, then
/// the original is read for that write and for its own.
/// </summary>
public sealed record SecondViewContent(
    ContentCheck? ViewReadsFill,
    ContentCheck? OriginalReadsBack,
    ContentCheck? ViewSeesOriginalWrite,
    ContentCheck? ViewKeepsFill,
    ContentCheck? ViewReadsBack,
    ContentCheck? OriginalSeesViewWrite,
    ContentCheck? OriginalKeepsOwn);

/// <summary>The step names of second-view, in the order they happen.</summary>
public static class SecondViewSteps
{
    public const string AfterView = "after-view";
    public const string AfterOriginalWrite = "after-original-write";
    public const string AfterViewWrite = "after-view-write";

    public static readonly IReadOnlyList<string> InOrder = [AfterView, AfterOriginalWrite, AfterViewWrite];
}

using System.Text.Json.Serialization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// The same memory mapped a second time, as <see cref="Way"/> says: the original is filled, the
/// view made; the original is written and the view read; the view is written and the original
/// read. <c>WithoutCapSysAdmin</c> runs it with that capability dropped (Linux), where
/// frame numbers and map counts cannot be read.
/// </summary>
public sealed record SecondViewScenario(SecondViewWay Way, bool WithoutCapSysAdmin = false) : FramesScenario<SecondViewRun>(WithoutCapSysAdmin)
{
    public const string FamilyName = "SecondMapping";

    /// <summary>Two pages, so that a claim about "every page" is about more than one.</summary>
    public const int Pages = 2;

    [Observed("second-view", "the same memory mapped a second time, for every way this kernel has")]
    public static IEnumerable<IScenario> EveryWay => SecondViews.All.Select(row => new SecondViewScenario(row.Way));

    public KernelRow<SecondViewWay> Row => SecondViews.All.Of(Way);

    public override string Family => FamilyName;

    protected override string CaseWithFrames => Row.Word;

    public override IReadOnlyList<Kernel> Kernels => [Row.Kernel];

    public override IReadOnlyList<string> Arguments => [.. SecondViews.All.ArgumentsOf(Row), "--pages", Normalise.Count(Pages)];

    public override string Render(SecondViewRun observation) => SecondViewReport.Render(observation, Command);
}

/// <summary>The ways of `oolprobe second-view` (Native/src/second_view.c's rows[]): kernel and setup in words.</summary>
public static class SecondViews
{
    public static readonly KernelRows<SecondViewWay> All = new("second-view", "--view",
    [
        new(SecondViewWay.MemfdShared, Kernel.Linux, "two MAP_SHARED mappings of one memfd"),
        new(SecondViewWay.MemfdPrivate, Kernel.Linux, "MAP_PRIVATE of a memfd beside MAP_SHARED"),
        new(SecondViewWay.MremapShared, Kernel.Linux, "mremap old_size 0 of MAP_SHARED|MAP_ANONYMOUS"),
        new(SecondViewWay.MremapPrivate, Kernel.Linux, "mremap old_size 0 of MAP_PRIVATE|MAP_ANONYMOUS"),
        new(SecondViewWay.ProcMemPrivateFile, Kernel.Linux, "/proc/self/mem write into a read-only MAP_PRIVATE file mapping"),
        new(SecondViewWay.RemapShare, Kernel.Xnu, "mach_vm_remap copy FALSE"),
        new(SecondViewWay.RemapCopy, Kernel.Xnu, "mach_vm_remap copy TRUE"),
        new(SecondViewWay.EntryShare, Kernel.Xnu, "memory entry MAP_MEM_VM_SHARE, mach_vm_map"),
        new(SecondViewWay.EntryCopy, Kernel.Xnu, "memory entry MAP_MEM_VM_COPY, mach_vm_map"),
        new(SecondViewWay.EntryReadOnly, Kernel.Xnu, "read-only memory entry, mach_vm_map asking write"),
        new(SecondViewWay.EntryUnaligned, Kernel.Xnu, "memory entry of a size not page aligned"),
    ]);
}

/// <summary>
/// How `oolprobe second-view` maps the same memory a second time: each member is one kernel's
/// way. Which kernel has it is <see cref="SecondViews"/>'s table; what the second view
/// is to be, the specs' SecondMapping case table.
/// </summary>
public enum SecondViewWay
{
    /// <summary>Linux: two MAP_SHARED mappings of one memfd.</summary>
    [ProbeWord("memfd-shared")] MemfdShared,
    /// <summary>Linux: a MAP_PRIVATE mapping of the memfd beside a MAP_SHARED one.</summary>
    [ProbeWord("memfd-private")] MemfdPrivate,
    /// <summary>Linux: mremap with old_size 0 of a shared anonymous mapping.</summary>
    [ProbeWord("mremap-shared")] MremapShared,
    /// <summary>Linux: mremap with old_size 0 of a private anonymous mapping.</summary>
    [ProbeWord("mremap-private")] MremapPrivate,
    /// <summary>Linux: a write through /proc/self/mem into a read-only MAP_PRIVATE file mapping.</summary>
    [ProbeWord("proc-mem-private-file")] ProcMemPrivateFile,
    /// <summary>XNU: mach_vm_remap with copy = FALSE.</summary>
    [ProbeWord("remap-share")] RemapShare,
    /// <summary>XNU: mach_vm_remap with copy = TRUE.</summary>
    [ProbeWord("remap-copy")] RemapCopy,
    /// <summary>XNU: mach_make_memory_entry_64(MAP_MEM_VM_SHARE), then mach_vm_map.</summary>
    [ProbeWord("entry-share")] EntryShare,
    /// <summary>XNU: mach_make_memory_entry_64(MAP_MEM_VM_COPY), then mach_vm_map.</summary>
    [ProbeWord("entry-copy")] EntryCopy,
    /// <summary>XNU: a read-only memory entry mapped with write asked.</summary>
    [ProbeWord("entry-read-only")] EntryReadOnly,
    /// <summary>XNU: a memory entry whose size is not page aligned.</summary>
    [ProbeWord("entry-unaligned")] EntryUnaligned,
}

/// <summary>What the original of a second-view run is: memory the probe maps, or a file it reads with pread.</summary>
public enum ViewOriginal
{
    [ProbeWord("memory")] Memory,
    [ProbeWord("file")] File,
}

/// <summary>
/// A second-view run as stable Markdown: the calls and their results, a summary one row per step
/// and side, then what each side read. Frames and VM objects are lettered; no address is shown.
/// </summary>
public static class SecondViewReport
{
    public static string Render(SecondViewRun run, string command)
    {
        var xnu = run.Kernel == Kernel.Xnu;
        var report = new MarkdownReport().Heading(1, $"A second mapping on {run.Kernel.Title()}: {run.Description}");
        report.Paragraph(
            $"`{command}`: {run.Pages} page(s) of {run.PageSize / 1024} KiB, set up with {run.Setup}; the original is {(run.OriginalIs == ViewOriginal.File ? "a file, read and written with pread and pwrite" : "memory")}. " +
            "The original is filled and the view made; the original is written and the view read; the view is written and the original read. " +
            ForkReports.Sources(xnu));
        if (run.Frames is { Available: false })
        {
            report.Paragraph(ForkReports.FramesUnknown);
        }

        report.Heading(2, "Calls");
        report.Table(["call", "done", "error"], run.Calls.Select(call => (IReadOnlyList<string>)
            [call.Call, Normalise.YesNo(call.Done), call.Error is null ? "-" : call.KernReturn is { } kr ? $"{call.Error} ({kr})" : call.Error]));

        var identities = new IdentityLabels();
        var headers = xnu ? [.. ForkReports.XnuHeaders, "object"] : ForkReports.LinuxHeaders;
        KeyTableOn(run.Kernel).Write(
            report,
            run.Steps.SelectMany(step => new[] { ("original", step.Original), ("view", step.View) }.Select(side => (IReadOnlyList<string>)
            [
                step.Step, side.Item1,
                .. side.Item2 is not { } facts ? ForkReports.Nothing(headers)
                    : xnu ? [.. ForkReports.Xnu(facts.Region!), XnuRegionFacts.ObjectName(facts.Region!, identities)]
                    : ForkReports.Linux(facts.PageStates!, identities),
            ])));

        var writes = run.Writes;
        var content = run.Content;
        var noView = run.ViewMade ? "not checked" : "no view was made";
        report.Heading(2, "Content");
        report.Paragraph("What each side read back, after looking (reading may fault pages in). A check compares every byte with one writer's pattern and names the first that differed.");
        report.Facts(
        [
            ("the view reads the original's fill", ContentFacts.Of(content.ViewReadsFill, noView)),
            ("the original's write", Write(writes.Original)),
            ("the original reads back its own write", ContentFacts.Of(content.OriginalReadsBack, "not checked")),
            ("the view sees the original's write", ContentFacts.Of(content.ViewSeesOriginalWrite, noView)),
            ("the view still reads the fill", ContentFacts.Of(content.ViewKeepsFill, noView)),
            ("the view's write", Write(writes.View)),
            ("the view reads back its own write", ContentFacts.Of(content.ViewReadsBack, noView)),
            ("the original sees the view's write", ContentFacts.Of(content.OriginalSeesViewWrite, noView)),
            ("the original still reads its own write", ContentFacts.Of(content.OriginalKeepsOwn, "not checked")),
        ], "check", "result");
        return report.ToString();
    }

    static string Write(ViewWrite write) =>
        !write.Tried ? "- (not tried: no view)" : write.Done ? "done" : $"refused: {write.Error}";

    /// <summary>The summary, one row a step and side: what the behaviour matrix compares across releases.</summary>
    [DeclaresKeyTable(typeof(SecondViewScenario))]
    public static KeyTable KeyTableOn(Kernel kernel) =>
        KeyTable.Steps("Summary", ["step", "side", .. kernel == Kernel.Xnu ? [.. ForkReports.XnuHeaders, "object"] : ForkReports.LinuxHeaders], labelColumns: 2);
}

/// <summary>
/// What `oolprobe second-view` reports: the original is filled, a second view of it is made in
/// the way <see cref="View"/> says (each call's result in <see cref="Calls"/>; a refusal is an
/// observation), then the original is written and the view read, and the view is written and the
/// original read. Each step holds both sides' facts; <see cref="Content"/> what each side read.
/// </summary>
[ProbeOutput("second-view")]
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
    public SecondViewStep Step(string name) => Steps.Named(name, "The second-view run");

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
public sealed record SecondViewStep(string Step, ViewSide? Original, ViewSide? View) : INamedStep;

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

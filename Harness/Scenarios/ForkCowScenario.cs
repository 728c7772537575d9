using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// The article's fork walk-through: map, write, fork; the child inspects, writes, inspects;
/// then the parent inspects, writes, inspects while the child is still alive.
/// <see cref="ChildWrites"/> <see cref="Fill.First"/> has the child write only the first page of a
/// multi-page buffer. <c>WithoutCapSysAdmin</c> runs it with that capability dropped
/// (Linux), where frame numbers and map counts cannot be read.
/// </summary>
public sealed record ForkCowScenario(int Pages = 1, bool WithoutCapSysAdmin = false, Fill ChildWrites = Fill.All) : FramesScenario<ForkCowRun>(WithoutCapSysAdmin)
{
    /// <summary>Four pages of which the child writes only the first: the copy cannot cover the parent's object.</summary>
    public static readonly ForkCowScenario PartlyWrittenByTheChild = new(Pages: 4, ChildWrites: Fill.First);

    public const string FamilyName = "ForkCopyOnWrite";

    /// <summary>The walk-through as the article made it: one page.</summary>
    [Observed("fork-cow", "the fork copy-on-write walk-through (six steps)")]
    public static IEnumerable<IScenario> Walkthrough => [new ForkCowScenario(), PartlyWrittenByTheChild];

    public override string Family => FamilyName;

    protected override string CaseWithFrames =>
        (Pages == 1 ? "fork-cow" : $"fork-cow-{Pages}-pages") + (ChildWrites == Fill.First ? "-child-writes-first" : "");

    public override IReadOnlyList<Kernel> Kernels => WithoutCapSysAdmin ? [Kernel.Linux] : [Kernel.Xnu, Kernel.Linux];

    public override IReadOnlyList<string> Arguments => ["fork-cow", "--pages", Normalise.Count(Pages), "--child-writes", ProbeWords.Of(ChildWrites)];

    public override string Render(ForkCowRun observation)
    {
        var run = observation;
        var xnu = run.Kernel == Kernel.Xnu;
        var report = new MarkdownReport().Heading(1, $"Fork copy-on-write ({run.Kernel.Title()})");
        report.Paragraph(
            $"`{Command}`: {run.Pages} page(s) of {run.PageSize / 1024} KiB; the child writes {(run.ChildWrites == Fill.All ? "every page" : "the first page only")}. " +
            ForkReports.Sources(xnu));
        if (run.Frames is { Available: false })
        {
            report.Paragraph(ForkReports.FramesUnknown);
        }

        if (ForkReports.Pinning(run.Steps.Select(s => (s.CpusAllowed, s.PinnedCpu))) is { } pinning)
        {
            report.Paragraph(pinning);
        }

        var identities = new IdentityLabels();
        KeyTableOn(run.Kernel).Write(
            report,
            run.Steps.Select((step, i) => Summary(i + 1, step, xnu, identities)));

        var number = 0;
        foreach (var step in run.Steps)
        {
            report.Heading(2, $"{++number}. {step.Step} ({step.Actor})");
            report.Facts(xnu
                ? XnuRegionFacts.Of(step.XnuRegion, run.Buffer, run.PageSize, identities)
                : LinuxPageFacts.Of(step.LinuxPages, step.LinuxVma, run.Buffer, run.PageSize, identities));
        }

        report.Heading(2, "Content");
        report.Paragraph("Each check compares every byte of the buffer. Each writer reads its write back right after making it; each control compares a reading with the bytes it must not be, and must find a difference.");
        report.Facts(
        [
            ("the child reads the parent's data", ContentFacts.Of(run.Content.ChildReadsParentData)),
            ("the child reads back its own write", ContentFacts.Of(run.Content.ReadBack.Child, "not reported")),
            ("the parent never reads the child's write", ContentFacts.Of(run.Content.ParentNeverReadsChildWrite)),
            ("the parent reads back its second write", ContentFacts.Of(run.Content.ReadBack.Parent, "not reported")),
            ("the child never reads the parent's second write", ContentFacts.Of(run.Content.ChildNeverReadsParentWrite)),
            ("control: the child at the fork, against zeros", ContentFacts.Of(run.Content.Controls.ChildAtForkAgainstZeros)),
            ("control: the parent before its write, against the child's buffer", ContentFacts.Of(run.Content.Controls.ParentAgainstChildWrite)),
            ("control: the child at the end, against the parent's second write", ContentFacts.Of(run.Content.Controls.ChildAgainstParentWrite)),
        ]);
        return report.ToString();
    }

    /// <summary>The article's table, one row a step: what the behaviour matrix compares across releases.</summary>
    [DeclaresKeyTable(typeof(ForkCowScenario))]
    public static KeyTable KeyTableOn(Kernel kernel) =>
        KeyTable.Steps("Summary", ["step", "actor", .. kernel == Kernel.Xnu ? ForkReports.XnuHeaders : ForkReports.LinuxHeaders]);

    /// <summary>The article's table, one row a step (Linux: each cell lists the pages in order).</summary>
    static IReadOnlyList<string> Summary(int number, ForkCowStep step, bool xnu, IdentityLabels frames) =>
        [$"{number}. {step.Step}", step.Actor, .. xnu ? ForkReports.Xnu(step.XnuRegion) : ForkReports.Linux(step.LinuxPages, frames)];
}

/// <summary>
/// What `oolprobe fork-cow` reports: the buffer after each of the six steps, and what parent
/// and child read back. <see cref="ChildWrites"/> says whether the child wrote every page or
/// only the first.
/// </summary>
[ProbeOutput("fork-cow")]
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
    public ForkCowStep Step(string name) => Steps.Named(name, "The fork-cow run");

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
    int? PinnedCpu = null) : INamedStep
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

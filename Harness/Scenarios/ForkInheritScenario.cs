using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Platforms;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// What a forked child inherits of one mapping, set up as <see cref="Mode"/> says: the parent
/// fills it and forks; the child looks and reads; the parent writes again; the child reads,
/// writes and looks; the parent looks and reads. <c>WithoutCapSysAdmin</c> runs it with
/// that capability dropped (Linux), where frame numbers and map counts cannot be read.
/// </summary>
public sealed record ForkInheritScenario(InheritMode Mode, int Pages = ForkInheritScenario.DefaultPages, bool WithoutCapSysAdmin = false)
    : FramesScenario<ForkInheritRun>(WithoutCapSysAdmin)
{
    public const string FamilyName = "ForkInheritance";

    /// <summary>Two pages, so that a claim about "every page" is about more than one.</summary>
    public const int DefaultPages = 2;

    [Observed("fork-inherit", "what a forked child inherits of a mapping, for every mode this kernel has")]
    public static IEnumerable<IScenario> EveryMode => InheritModes.All.Select(row => new ForkInheritScenario(row.Way));

    /// <summary>The mode's row of <see cref="InheritModes"/>: its kernel and words.</summary>
    public KernelRow<InheritMode> Row => InheritModes.All.Of(Mode);

    public override string Family => FamilyName;

    protected override string CaseWithFrames => Row.Word + (Pages == DefaultPages ? "" : $"-{Pages}-pages");

    public override IReadOnlyList<Kernel> Kernels => [Row.Kernel];

    public override IReadOnlyList<string> Arguments => ["fork-inherit", "--mode", Row.Word, "--pages", Normalise.Count(Pages)];

    public override string Render(ForkInheritRun observation) => ForkInheritReport.Render(observation, Row, Command);
}

/// <summary>
/// A fork-inherit run as stable Markdown: a summary table one row a step, each step's facts,
/// then what each side read. Frames and VM objects are lettered, addresses are page offsets
/// from the buffer, and nothing carries a pid or an address.
/// </summary>
public static class ForkInheritReport
{
    public static string Render(ForkInheritRun run, KernelRow<InheritMode> row, string command)
    {
        var xnu = run.Kernel == Kernel.Xnu;
        var report = new MarkdownReport().Heading(1, $"Fork inheritance on {run.Kernel.Title()}: {row.Description}");
        report.Paragraph(
            $"`{command}`: {run.Pages} page(s) of {run.PageSize / 1024} KiB, set up with {run.Setup}. " +
            "The parent fills the buffer and forks; the child looks and reads; the parent writes again; the child reads, writes and looks; the parent looks and reads. " +
            ForkReports.Sources(xnu) + " A process that does not map the buffer has no facts at that step.");
        if (!xnu && run.Steps.Any(step => step.Mapped && step.LinuxPages.Any(page => page.FileOrShared)))
        {
            report.Paragraph("These are shared memory (shmem) pages: for them \"exclusively mapped\" means mapped by one process only.");
        }

        if (run.Frames is { Available: false })
        {
            report.Paragraph(ForkReports.FramesUnknown);
        }

        if (ForkReports.Pinning(run.Steps.Where(s => s.Mapped).Select(s => (s.CpusAllowed, s.PinnedCpu))) is { } pinning)
        {
            report.Paragraph(pinning);
        }

        var identities = new IdentityLabels();
        var headers = xnu ? [.. ForkReports.XnuHeaders, "object"] : ForkReports.LinuxHeaders;
        KeyTableOn(run.Kernel).Write(
            report,
            run.Steps.Select((step, i) => (IReadOnlyList<string>)
            [
                $"{i + 1}. {step.Step}", step.Actor, Normalise.YesNo(step.Mapped),
                .. !step.Mapped ? ForkReports.Nothing(headers)
                    : xnu ? [.. ForkReports.Xnu(step.XnuRegion), XnuRegionFacts.ObjectName(step.XnuRegion, identities)]
                    : ForkReports.Linux(step.LinuxPages, identities),
            ]));

        var number = 0;
        foreach (var step in run.Steps)
        {
            report.Heading(2, $"{++number}. {step.Step} ({step.Actor})");
            if (!step.Mapped)
            {
                report.Paragraph($"The {step.Actor} has nothing mapped at the buffer's address.");
                continue;
            }

            report.Facts(xnu
                ? XnuRegionFacts.Of(step.XnuRegion, run.Buffer, run.PageSize, identities)
                : LinuxPageFacts.Of(step.LinuxPages, step.LinuxVma, run.Buffer, run.PageSize, identities));
        }

        var content = run.Content;
        var childMaps = run.Step(ForkInheritSteps.ChildAfterFork).Mapped;
        var noChild = childMaps ? "not checked" : "the child does not map the buffer";
        var notAsAtFork = childMaps ? "the child read neither the parent's data nor zeros at the fork" : noChild;
        report.Heading(2, "Content");
        report.Paragraph("What each side read back, after looking (reading may fault pages in). A check compares every byte of the buffer with one writer's pattern, or with zeros, and names the first that differed.");
        report.Facts(
        [
            ("the child reads at the fork", Reading(content.ChildReadsAtFork)),
            ("at the fork the child reads the parent's fill", ContentFacts.Of(content.ChildAtFork.Parent, noChild)),
            ("at the fork the child reads zeros", ContentFacts.Of(content.ChildAtFork.Zeros, noChild)),
            ("the child sees the parent's later write", Verdict(content.ChildSeesParentWrite)),
            ("the parent reads back its own write", ContentFacts.Of(content.ReadBack.Parent, "not checked")),
            ("after the parent's write the child reads it", ContentFacts.Of(content.ChildAfterParentWrite.ParentAgain, noChild)),
            ("after the parent's write the child reads what it read at the fork", ContentFacts.Of(content.ChildAfterParentWrite.AsAtFork, notAsAtFork)),
            ("the child reads back its own write", ContentFacts.Of(content.ReadBack.Child, noChild)),
            ("the parent sees the child's write", Verdict(content.ParentSeesChildWrite)),
            ("after the child's write the parent reads it", ContentFacts.Of(content.ParentAfterChildWrite.Child, noChild)),
            ("after the child's write the parent reads its own last write", ContentFacts.Of(content.ParentAfterChildWrite.ParentAgain, "not checked")),
            ("control: after the child's write the parent reads its first fill", ContentFacts.Of(content.ParentAfterChildWrite.FirstFill, "not checked")),
        ], "check", "result");

        return report.ToString();
    }

    public static string Reading(ChildReading reading) => reading switch
    {
        ChildReading.ParentsData => "the parent's data",
        ChildReading.Zeros => "zeros",
        ChildReading.Other => "neither the parent's data nor zeros",
        ChildReading.Unmapped => "nothing: it does not map the buffer",
        _ => reading.ToString(),
    };

    static string Verdict(bool? seen) => seen is { } yes ? Normalise.YesNo(yes) : "-";

    /// <summary>The summary, one row a step: what the behaviour matrix compares across releases.</summary>
    [DeclaresKeyTable(typeof(ForkInheritScenario))]
    public static KeyTable KeyTableOn(Kernel kernel) =>
        KeyTable.Steps("Summary", ["step", "actor", "mapped", .. kernel == Kernel.Xnu ? [.. ForkReports.XnuHeaders, "object"] : ForkReports.LinuxHeaders]);
}

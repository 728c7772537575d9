using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Snapshots;
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

    public override IReadOnlyList<string> Arguments => ["second-view", "--view", Row.Word, "--pages", Normalise.Count(Pages)];

    public override string Render(SecondViewRun observation) => SecondViewReport.Render(observation, Command);
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

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Snapshots;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// The article's fork walk-through: map, write, fork; the child inspects, writes, inspects;
/// then the parent inspects, writes, inspects while the child is still alive.
/// <see cref="ChildWrites"/> <see cref="Fill.First"/> has the child write only the first page of a
/// multi-page buffer. <see cref="WithoutCapSysAdmin"/> runs it with that capability dropped
/// (Linux), where frame numbers and map counts cannot be read.
/// </summary>
public sealed record ForkCowScenario(int Pages = 1, bool WithoutCapSysAdmin = false, Fill ChildWrites = Fill.All) : ProbeScenario<ForkCowRun>
{
    /// <summary>Four pages of which the child writes only the first: the copy cannot cover the parent's object.</summary>
    public static readonly ForkCowScenario PartlyWrittenByTheChild = new(Pages: 4, ChildWrites: Fill.First);

    public const string FamilyName = "ForkCopyOnWrite";

    /// <summary>The walk-through as the article made it: one page.</summary>
    [Observed("fork-cow", "the fork copy-on-write walk-through (six steps)")]
    public static IEnumerable<IScenario> Walkthrough => [new ForkCowScenario(), PartlyWrittenByTheChild];

    public override string Family => FamilyName;

    const string WithoutFramesSuffix = "-without-frames";

    public override string Case =>
        (Pages == 1 ? "fork-cow" : $"fork-cow-{Pages}-pages")
        + (ChildWrites == Fill.First ? "-child-writes-first" : "")
        + (WithoutCapSysAdmin ? WithoutFramesSuffix : "");

    public override IReadOnlyList<Kernel> Kernels => WithoutCapSysAdmin ? [Kernel.Linux] : [Kernel.Xnu, Kernel.Linux];

    /// <summary>setpriv, which drops the capability for one command; null where it is not installed.</summary>
    public static string? Setpriv => new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);

    /// <summary>A process that is not privileged lacks the capability already and runs the probe as it is.</summary>
    protected override ProbeRunner Launch(ProbeRunner probe)
    {
        if (!WithoutCapSysAdmin || !Environment.IsPrivilegedProcess)
        {
            return probe;
        }

        return Setpriv is { } setpriv
            ? probe.Through(setpriv, "--bounding-set=-sys_admin", "--inh-caps=-sys_admin", "--")
            : throw new InvalidOperationException("Dropping CAP_SYS_ADMIN needs setpriv (util-linux), which is not installed.");
    }

    public override IReadOnlyList<string> Arguments => ["fork-cow", "--pages", Normalise.Count(Pages), "--child-writes", ProbeWords.Of(ChildWrites)];

    /// <summary>
    /// Without CAP_SYS_ADMIN frames are unknown, which is a different (and still true)
    /// observation, so such a run has an approved file of its own.
    /// </summary>
    public override SnapshotKey KeyFor(ForkCowRun observation) =>
        new(Family, observation.Frames is { Available: false } && !WithoutCapSysAdmin ? Case + WithoutFramesSuffix : Case);

    public override string Render(ForkCowRun observation)
    {
        var run = observation;
        var xnu = run.Kernel == Kernel.Xnu;
        var report = new MarkdownReport().Heading(1, $"Fork copy-on-write ({run.Kernel.Title()})");
        report.Paragraph(
            $"`{Command}`: {run.Pages} page(s) of {run.PageSize / 1024} KiB; the child writes {(run.ChildWrites == Fill.All ? "every page" : "the first page only")}. " +
            (xnu
                ? "Region fields from vm_region_recurse_64 (VM_REGION_SUBMAP_INFO_64); VM objects are lettered in the order they first appear."
                : "Page fields from /proc/self/pagemap and /proc/kpagecount, the mapping from /proc/self/smaps; frames are lettered in the order they first appear."));
        if (run.Frames is { Available: false })
        {
            // The kernel's reason depends on how the run lacks the capability, so it stays out of the snapshot.
            report.Paragraph("Frame numbers and map counts are unknown here: reading them needs CAP_SYS_ADMIN.");
        }

        var identities = new IdentityLabels();
        report.Heading(2, "Summary");
        report.Table(
            xnu
                ? ["step", "actor", "share_mode", "ref_count", "pages_resident"]
                : ["step", "actor", "present", "frame", "map count", "exclusively mapped"],
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
        report.Facts(
        [
            ("the child reads the parent's data", ContentFacts.Of(run.Content.ChildReadsParentData)),
            ("the parent never reads the child's write", ContentFacts.Of(run.Content.ParentNeverReadsChildWrite)),
            ("the child never reads the parent's second write", ContentFacts.Of(run.Content.ChildNeverReadsParentWrite)),
        ]);
        return report.ToString();
    }

    /// <summary>The article's table, one row a step (Linux: each cell lists the pages in order).</summary>
    static IReadOnlyList<string> Summary(int number, ForkCowStep step, bool xnu, IdentityLabels frames)
    {
        var name = $"{number}. {step.Step}";
        if (xnu)
        {
            var region = step.XnuRegion;
            return [name, step.Actor, XnuRegionFacts.ShareModeName(region.ShareMode), Normalise.Count(region.RefCount), Normalise.Count(region.PagesResident)];
        }

        var pages = step.LinuxPages;
        string Each(Func<LinuxPage, string> cell) => string.Join(", ", pages.Select(cell));
        return
        [
            name, step.Actor, Each(p => Normalise.YesNo(p.Present)), Each(p => LinuxPageFacts.Frame(p, frames)),
            Each(LinuxPageFacts.MapCount), Each(p => Normalise.YesNo(p.Exclusive)),
        ];
    }
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// The article's fork walk-through: map, write, fork; the child inspects, writes, inspects;
/// then the parent inspects, writes, inspects while the child is still alive.
/// </summary>
public sealed record ForkCowScenario(int Pages = 1)
{
    public const string Family = "ForkCopyOnWrite";

    public string Case => Pages == 1 ? "fork-cow" : $"fork-cow-{Pages}-pages";

    /// <summary>
    /// The snapshot case of a run: without CAP_SYS_ADMIN frames are unknown, which is a
    /// different (and still true) observation, so it has an approved file of its own.
    /// </summary>
    public string CaseFor(ForkCowRun run) => run.Frames is { Available: false } ? Case + "-without-frames" : Case;

    public IReadOnlyList<string> Arguments => ["fork-cow", "--pages", Normalise.Count(Pages)];

    public string Command => "oolprobe " + string.Join(' ', Arguments);

    public ForkCowRun Observe(ProbeRunner probe) => ProbeJson.Parse<ForkCowRun>(probe.Run([.. Arguments]), Command);

    public string Render(ForkCowRun run)
    {
        var report = new MarkdownReport().Heading(1, $"Fork copy-on-write ({KernelTitle(run.Kernel)})");
        report.Paragraph(
            $"`{Command}`: {run.Pages} page(s) of {run.PageSize / 1024} KiB. " +
            (run.Kernel == "xnu"
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
            run.Kernel == "xnu"
                ? ["step", "actor", "share_mode", "ref_count", "pages_resident"]
                : ["step", "actor", "present", "frame", "map count", "exclusively mapped"],
            run.Steps.Select((step, i) => Summary(i + 1, step, run.Kernel, identities)));

        var number = 0;
        foreach (var step in run.Steps)
        {
            report.Heading(2, $"{++number}. {step.Step} ({step.Actor})");
            report.Facts(run.Kernel == "xnu"
                ? XnuRegionFacts.Of(step.XnuRegion, run.Buffer, run.PageSize, identities)
                : LinuxPageFacts.Of(step.LinuxPages, step.LinuxVma, run.Buffer, run.PageSize, identities));
        }

        return report.ToString();
    }

    /// <summary>The article's table, one row a step (Linux: the first page).</summary>
    static IReadOnlyList<string> Summary(int number, ForkCowStep step, string kernel, IdentityLabels frames)
    {
        var name = $"{number}. {step.Step}";
        if (kernel == "xnu")
        {
            var region = step.XnuRegion;
            return [name, step.Actor, XnuRegionFacts.ShareModeName(region.ShareMode), Normalise.Count(region.RefCount), Normalise.Count(region.PagesResident)];
        }

        var page = step.LinuxPages[0];
        return [name, step.Actor, Normalise.YesNo(page.Present), LinuxPageFacts.Frame(page, frames), LinuxPageFacts.MapCount(page), Normalise.YesNo(page.Exclusive)];
    }

    static string KernelTitle(string kernel) => kernel == "xnu" ? "XNU" : "Linux";
}

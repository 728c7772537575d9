using OolSpecs.Harness.Observations;

namespace OolSpecs.Harness.Rendering;

/// <summary>
/// What the fork scenarios' reports share: where their facts come from, and the cells of the
/// summary table for one step: on XNU the three region fields the article's table has, on
/// Linux the pages' present bit, frame, map count and exclusive bit, one value per page given,
/// separated by commas.
/// </summary>
public static class ForkReports
{
    /// <summary>Where a step's facts come from, and how identities are shown.</summary>
    public static string Sources(bool xnu) =>
        xnu
            ? "Region fields from vm_region_recurse_64 (VM_REGION_SUBMAP_INFO_64); VM objects are lettered in the order they first appear."
            : "Page fields from /proc/self/pagemap and /proc/kpagecount, the mapping from /proc/self/smaps; frames are lettered in the order they first appear.";

    /// <summary>
    /// Said instead of the kernel's reason, which depends on how the run lacks the capability and
    /// so stays out of the snapshot.
    /// </summary>
    public const string FramesUnknown = "Frame numbers and map counts are unknown here: reading them needs CAP_SYS_ADMIN.";

    public static readonly IReadOnlyList<string> XnuHeaders = ["share_mode", "ref_count", "pages_resident"];

    public static readonly IReadOnlyList<string> LinuxHeaders = ["present", "frame", "map count", "exclusively mapped"];

    public static IReadOnlyList<string> Xnu(XnuRegion region) =>
        [XnuRegionFacts.ShareModeName(region.ShareMode), Normalise.Count(region.RefCount), Normalise.Count(region.PagesResident)];

    /// <summary>Frames are lettered page by page, so call this in the order the table is read.</summary>
    public static IReadOnlyList<string> Linux(IReadOnlyList<LinuxPage> pages, IdentityLabels frames) =>
    [
        PerPage(pages, page => Normalise.YesNo(page.Present)),
        PerPage(pages, page => LinuxPageFacts.Frame(page, frames)),
        PerPage(pages, LinuxPageFacts.MapCount),
        PerPage(pages, page => Normalise.YesNo(page.Exclusive)),
    ];

    /// <summary>
    /// Whether the processes that observed (Linux: each step's CPU affinity) all ran pinned to one
    /// and the same CPU, which the Linux probe arranges; null where the kernel reports no affinity
    /// (XNU). Which CPU it was stays out: it changes from run to run.
    /// </summary>
    public static string? Pinning(IEnumerable<(int? CpusAllowed, int? PinnedCpu)> steps)
    {
        var seen = steps.ToList();
        if (seen.All(s => s.CpusAllowed is null))
        {
            return null;
        }

        return seen.All(s => s.CpusAllowed == 1) && seen.Select(s => s.PinnedCpu).Distinct().Count() == 1
            ? "Every step was observed by a process pinned to one CPU, the same for all."
            : "NOT every step was observed by a process pinned to one and the same CPU.";
    }

    /// <summary>The cells of a step with nothing to show (its process does not map the buffer).</summary>
    public static IReadOnlyList<string> Nothing(IReadOnlyList<string> headers) => [.. headers.Select(_ => "-")];

    static string PerPage(IReadOnlyList<LinuxPage> pages, Func<LinuxPage, string> cell) => string.Join(", ", pages.Select(cell));
}

using OolSpecs.Harness.Observations;

namespace OolSpecs.Harness.Rendering;

/// <summary>A Linux buffer's pages and its mapping, normalised: frames as letters, sizes in pages.</summary>
public static class LinuxPageFacts
{
    public static IEnumerable<(string Name, string Value)> Of(
        IReadOnlyList<LinuxPage> pages, LinuxVma vma, ulong buffer, long pageSize, IdentityLabels frames)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var name = pages.Count == 1 ? "page" : $"page {i}";
            yield return ($"{name} present", Normalise.YesNo(page.Present));
            yield return ($"{name} exclusively mapped", Normalise.YesNo(page.Exclusive));
            yield return ($"{name} frame", Frame(page, frames));
            yield return ($"{name} map count", MapCount(page));
            yield return ($"{name} swapped", Normalise.YesNo(page.Swapped));
        }

        yield return ("mapping (pages from buffer)", Normalise.Bounds(vma.Start, vma.End, buffer, pageSize));
        yield return ("Rss (pages)", Normalise.KbAsPages(vma.RssKb, pageSize));
        yield return ("Private_Dirty (pages)", Normalise.KbAsPages(vma.PrivateDirtyKb, pageSize));
        yield return ("Shared_Dirty (pages)", Normalise.KbAsPages(vma.SharedDirtyKb, pageSize));
        yield return ("Anonymous (pages)", Normalise.KbAsPages(vma.AnonymousKb, pageSize));
    }

    /// <summary>The frame's letter; "-" for no page, "unknown" where frame numbers cannot be read.</summary>
    public static string Frame(LinuxPage page, IdentityLabels frames) =>
        !page.Present ? "-" : page.Pfn is { } pfn ? frames.For(pfn) : "unknown";

    public static string MapCount(LinuxPage page) =>
        !page.Present ? "-" : page.MapCount is { } count ? Normalise.Count((long)count) : "unknown";
}

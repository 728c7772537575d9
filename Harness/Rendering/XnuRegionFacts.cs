using OolSpecs.Harness.Observations;

namespace OolSpecs.Harness.Rendering;

/// <summary>Every field of an XNU region, normalised, in the order a reader scans them.</summary>
public static class XnuRegionFacts
{
    public static IEnumerable<(string Name, string Value)> Of(XnuRegion region, ulong buffer, long pageSize, IdentityLabels objects)
    {
        yield return ("region (pages from buffer)", Normalise.Bounds(region.Start, region.End, buffer, pageSize));
        yield return ("share_mode", ShareModeName(region.ShareMode));
        yield return ("ref_count", Number(region.RefCount));
        yield return ("pages_resident", Number(region.PagesResident));
        yield return ("pages_dirtied", Number(region.PagesDirtied));
        yield return ("pages_shared_now_private", Number(region.PagesSharedNowPrivate));
        yield return ("pages_swapped_out", Number(region.PagesSwappedOut));
        yield return ("pages_reusable", Number(region.PagesReusable));
        yield return ("shadow_depth", Number(region.ShadowDepth));
        yield return ("external_pager", Normalise.YesNo(region.ExternalPager != 0));
        yield return ("object", region.ObjectId == 0 ? "none" : objects.For(region.ObjectId));
        yield return ("offset (pages)", Normalise.Pages((decimal)region.Offset / pageSize));
        yield return ("protection / max", $"{Normalise.Protection(region.Protection)}/{Normalise.Protection(region.MaxProtection)}");
        yield return ("inheritance", InheritanceName(region.Inheritance));
        yield return ("user_tag", Number(region.UserTag));
        yield return ("user_wired_count", Number(region.UserWiredCount));
        yield return ("behavior", Number(region.Behavior));
        yield return ("nesting depth", Number(region.Depth));
    }

    public static string ShareModeName(int mode) =>
        Enum.IsDefined(typeof(XnuShareMode), mode) ? ((XnuShareMode)mode).ToString() : $"unknown ({mode})";

    static string InheritanceName(int inheritance) => inheritance switch
    {
        0 => "share",
        1 => "copy",
        2 => "none",
        3 => "donate_copy",
        _ => $"unknown ({inheritance})",
    };

    static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

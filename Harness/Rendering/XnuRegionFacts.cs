using OolSpecs.Harness.Observations;

namespace OolSpecs.Harness.Rendering;

/// <summary>Every field of an XNU region, normalised, in the order a reader scans them.</summary>
public static class XnuRegionFacts
{
    public static IEnumerable<(string Name, string Value)> Of(XnuRegion region, ulong buffer, long pageSize, IdentityLabels objects) =>
        Of(region, buffer, pageSize, objects.For);

    /// <summary>The same facts, each VM object id lettered by the caller: a run may tell apart two objects that had one id.</summary>
    public static IEnumerable<(string Name, string Value)> Of(XnuRegion region, ulong buffer, long pageSize, Func<ulong, string> objectLetter)
    {
        yield return ("region (pages from buffer)", Normalise.Bounds(region.Start, region.End, buffer, pageSize));
        yield return ("share_mode", ShareModeName(region.ShareMode));
        yield return ("ref_count", Normalise.Count(region.RefCount));
        yield return ("pages_resident", Normalise.Count(region.PagesResident));
        yield return ("pages_dirtied", Normalise.Count(region.PagesDirtied));
        yield return ("pages_shared_now_private", Normalise.Count(region.PagesSharedNowPrivate));
        yield return ("pages_swapped_out", Normalise.Count(region.PagesSwappedOut));
        yield return ("pages_reusable", Normalise.Count(region.PagesReusable));
        yield return ("shadow_depth", Normalise.Count(region.ShadowDepth));
        yield return ("external_pager", Normalise.YesNo(region.ExternalPager != 0));
        yield return ("object", ObjectName(region, objectLetter));
        yield return ("offset (pages)", Normalise.Pages((decimal)region.Offset / pageSize));
        yield return ("protection / max", $"{Normalise.Protection(region.Protection)}/{Normalise.Protection(region.MaxProtection)}");
        yield return ("inheritance", InheritanceName(region.Inheritance));
        yield return ("user_tag", Normalise.Count(region.UserTag));
        yield return ("user_wired_count", Normalise.Count(region.UserWiredCount));
        yield return ("behavior", Normalise.Count(region.Behavior));
        yield return ("nesting depth", Normalise.Count(region.Depth));
    }

    /// <summary>
    /// The fields that describe the map entry rather than its pages or bounds: the same for every
    /// block a region holds, so they still speak for a payload that shares its region.
    /// </summary>
    public static IEnumerable<(string Name, string Value)> EntryWide(XnuRegion region, Func<ulong, string> objectLetter)
    {
        yield return ("share_mode", ShareModeName(region.ShareMode));
        yield return ("object", ObjectName(region, objectLetter));
        yield return ("protection / max", $"{Normalise.Protection(region.Protection)}/{Normalise.Protection(region.MaxProtection)}");
        yield return ("inheritance", InheritanceName(region.Inheritance));
        yield return ("user_tag", Normalise.Count(region.UserTag));
    }

    /// <summary>The entry's own VM object as a letter; "none" where it has none yet.</summary>
    public static string ObjectName(XnuRegion region, IdentityLabels objects) => ObjectName(region, objects.For);

    public static string ObjectName(XnuRegion region, Func<ulong, string> objectLetter) =>
        region.EntryObject == 0 ? "none" : objectLetter(region.EntryObject);

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
}

namespace OolSpecs.Harness.Observations;

/// <summary>
/// One VM region as `vm_region_recurse_64` (VM_REGION_SUBMAP_INFO_64, nesting depth 99) reports it.
/// Addresses are raw; <see cref="Rendering.Normalise.Bounds"/> turns them into pages relative to the buffer.
/// </summary>
public sealed record XnuRegion(
    ulong Start,
    ulong End,
    int Depth,
    int Protection,
    int MaxProtection,
    int Inheritance,
    ulong Offset,
    int UserTag,
    long PagesResident,
    long PagesSharedNowPrivate,
    long PagesSwappedOut,
    long PagesDirtied,
    long RefCount,
    long ShadowDepth,
    int ExternalPager,
    int ShareMode,
    bool IsSubmap,
    int Behavior,
    ulong ObjectId,
    long UserWiredCount,
    long PagesReusable)
{
    public XnuShareMode Mode => (XnuShareMode)ShareMode;
}

namespace OolSpecs.Harness.Observations;

/// <summary>
/// One VM region as `vm_region_recurse_64` (VM_REGION_SUBMAP_INFO_64, nesting depth 99) reports it.
/// Addresses are raw; <see cref="Rendering.Normalise.Bounds"/> turns them into pages relative to the buffer.
/// <see cref="ObjectId"/> and <see cref="ObjectIdFull"/> name the entry's own (top) VM object, the
/// latter in full; a kernel that fills fewer fields leaves it null.
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
    long PagesReusable,
    ulong? ObjectIdFull = null)
{
    public XnuShareMode Mode => (XnuShareMode)ShareMode;

    /// <summary>The entry's own object: object_id_full, or the 32-bit object_id where the kernel gave no full id.</summary>
    public ulong EntryObject => ObjectIdFull ?? ObjectId;
}

namespace OolSpecs.Harness.Observations;

/// <summary>The share_mode values of mach/vm_region.h; names as the article and vmmap use them.</summary>
public enum XnuShareMode
{
    SM_COW = 1,
    SM_PRIVATE = 2,
    SM_EMPTY = 3,
    SM_SHARED = 4,
    SM_TRUESHARED = 5,
    SM_PRIVATE_ALIASED = 6,
    SM_SHARED_ALIASED = 7,
    SM_LARGE_PAGE = 8,
}

using OolSpecs.Harness.Observations;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>The three region fields the article's fork table publishes.</summary>
public sealed record XnuRegionState(long PagesResident, long RefCount, XnuShareMode ShareMode)
{
    public static XnuRegionState Of(XnuRegion region) => new(region.PagesResident, region.RefCount, region.Mode);
}

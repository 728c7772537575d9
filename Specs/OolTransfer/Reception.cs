using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>What the sender asked for: the copy option, the data in pages, deallocate, and the pages it wrote.</summary>
public sealed record SentOptions(CopyOption Copy, long DataPages, bool Dealloc, long TouchedPages)
{
    /// <summary>An article case: its sender writes the first page only.</summary>
    public static SentOptions Of(ArticleCase article) => new(article.Copy, article.Pages, article.Dealloc, TouchedPages: 1);
}

/// <summary>
/// One received OOL region as the claims judge it, from a live run or from the article's
/// table. A region may hold more than the data: the kernel merges an adjacent earlier
/// reception into it. <see cref="NeighbourPages"/> counts those pages and
/// <see cref="NeighbourResident"/> their resident pages, where known.
/// </summary>
public sealed record Reception(
    SentOptions Sent,
    CopyOption ReceivedCopy,
    long RegionPages,
    long NeighbourPages,
    long? NeighbourResident,
    long PagesResident,
    long RefCount,
    XnuShareMode ShareMode,
    bool? SameObjectAsSender)
{
    /// <summary>A live reception: message 1 of the run, looked at right after it was received.</summary>
    public static Reception Of(OolTransferRun run, SentOptions sent)
    {
        var received = run.Receiver.Messages[0];
        var region = received.Step(OolSteps.Received).Region;
        var data = received.Descriptor.Address;
        var dataEnd = data + (ulong)(run.DataPages * run.PageSize);
        var regionPages = (long)((region.End - region.Start) / (ulong)run.PageSize);

        // Pages of the region outside the data belong to neighbours merged into it; a fresh
        // receiver has none, and if it had, their residency would be unknown here.
        var inside = region.Start <= data && dataEnd <= region.End;
        var neighbourPages = inside ? regionPages - run.DataPages : regionPages;
        return new Reception(
            sent,
            received.Descriptor.Copy,
            regionPages,
            neighbourPages,
            inside && neighbourPages == 0 ? 0 : null,
            region.PagesResident,
            region.RefCount,
            region.Mode,
            run.ReceiverMapsSendersObject());
    }
}

namespace OolSpecs.Harness.Scenarios;

/// <summary>Where a second reception's pages lie against the first's, in the receiver.</summary>
public enum ReceptionPlacement
{
    /// <summary>Fewer than two messages were received.</summary>
    Single,
    /// <summary>Its first page is the page after the first reception's last.</summary>
    RightAfter,
    /// <summary>Its last page is the page before the first reception's first.</summary>
    RightBefore,
    /// <summary>Anywhere else: the map's first fit chose another hole.</summary>
    Apart,
}

/// <summary>
/// The layout of two receptions is an observation, not a claim: vm_map_enter takes the first free
/// hole that fits, and the source does not promise which hole that is.
/// </summary>
public static class ReceptionLayout
{
    public static ReceptionPlacement Of(OolTransferRun run)
    {
        if (run.Receiver.Messages.Count < 2)
        {
            return ReceptionPlacement.Single;
        }

        var (first, second) = (Pages(run, 0), Pages(run, 1));
        return second.Start == first.End ? ReceptionPlacement.RightAfter
            : second.End == first.Start ? ReceptionPlacement.RightBefore
            : ReceptionPlacement.Apart;
    }

    public static string InWords(this ReceptionPlacement placement) => placement switch
    {
        ReceptionPlacement.RightAfter => "right after message 1's pages",
        ReceptionPlacement.RightBefore => "right before message 1's pages",
        ReceptionPlacement.Apart => "apart from message 1's pages",
        _ => "alone",
    };

    /// <summary>The whole pages a received payload covers.</summary>
    static (ulong Start, ulong End) Pages(OolTransferRun run, int index)
    {
        var descriptor = run.Receiver.Messages[index].Descriptor;
        var page = (ulong)run.PageSize;
        var start = descriptor.Address / page * page;
        var end = (descriptor.Address + (ulong)descriptor.Size + page - 1) / page * page;
        return (start, end);
    }
}

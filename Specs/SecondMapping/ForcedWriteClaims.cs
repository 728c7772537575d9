using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.SecondViewSteps;

namespace OolSpecs.Specs.SecondMapping;

/// <summary>
/// A write through /proc/self/mem into a read-only MAP_PRIVATE file mapping: DirtyCOW's end state.
/// Whether the kernel forces the write is its proc_mem.force_override setting; either way the
/// file is never changed.
/// </summary>
public static class ForcedWriteClaims
{
    public static readonly Claim FileNeverChanged = new(Kernel.Linux,
        "a write through /proc/self/mem into a read-only MAP_PRIVATE file mapping never reaches the file: it lands in a private copy or is refused with EIO",
        KernelSource.Linux(LinuxFunctions.ProcMemFollForce.Because("proc_mem.force_override decides whether the write is made with FOLL_FORCE"), LinuxFunctions.CheckVmaFlags.Because("a forced write to a mapping without VM_WRITE is allowed only for a copy-on-write mapping"), LinuxFunctions.WpPageCopy.Because("the write breaks copy-on-write into an anonymous page"), LinuxFunctions.MemRw.Because("nothing written: -EIO")));

    public static readonly Claim ForcedWriteCopies = new(Kernel.Linux,
        "where the forced write lands, the mapping's pages are then anonymous frames of its own, each mapped once and exclusive",
        KernelSource.Linux(LinuxFunctions.WpPageCopy, LinuxFunctions.PteToPagemapEntry));

    public static ClaimVerdict FileUnchanged(SecondViewRun run)
    {
        var content = run.Content;
        var write = run.Writes.View;
        var verdict = new ClaimVerdict(FileNeverChanged)
            .Made(run)
            .OriginalWrote(run)
            .Reads(content.ViewSeesOriginalWrite, "the mapping, before the forced write,", "the file's data")
            .Expect(write.Tried, "the forced write was not tried")
            .Expect(write.Done || write.Error == "EIO", $"the forced write was refused with {write.Error}, not EIO")
            .DoesNotRead(content.OriginalSeesViewWrite, "pread of the file", "the forced write")
            .Reads(content.OriginalKeepsOwn, "pread of the file", "the file's own data");
        return write.Done
            ? verdict.Reads(content.ViewReadsBack, "the mapping", "the forced write")
            : verdict.DoesNotRead(content.ViewReadsBack, "the mapping", "the refused write");
    }

    public static ClaimVerdict Copies(SecondViewRun run)
    {
        var verdict = new ClaimVerdict(ForcedWriteCopies);
        if (!run.Writes.View.Done)
        {
            return verdict.CannotTell($"the forced write was refused ({run.Writes.View.Error}) by this kernel's proc_mem.force_override: no copy was made");
        }

        if (verdict.Frames(run, AfterOriginalWrite, view: true) is { } before && verdict.Frames(run, AfterViewWrite, view: true) is { } after)
        {
            verdict.Expect(!before.Select(p => p.Pfn).Intersect(after.Select(p => p.Pfn)).Any(), $"{AfterViewWrite}: the mapping still maps a frame of the file");
            verdict.Expect(after.All(p => p.MapCount == 1 && p.Exclusive), $"{AfterViewWrite}: the mapping's frames are not each mapped once and exclusive");
        }

        return verdict;
    }
}

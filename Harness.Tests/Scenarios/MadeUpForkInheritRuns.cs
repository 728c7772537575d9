using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Scenarios.ForkInheritSteps;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// Hand-made fork-inherit runs for testing the harness's rendering and normalising. They stand
/// for no kernel: frame numbers, object ids and addresses are invented, and the specs only
/// ever judge real probe output.
/// </summary>
static class MadeUpForkInheritRuns
{
    public const long PageSize = 4096;
    public const ulong Buffer = 0x7f00_dead_0000;
    const long Bytes = 2 * PageSize;

    public static ContentCheck Holds => new(true, Bytes, null);

    public static ContentCheck Differs(long offset, int expected, int actual) => new(false, Bytes, new ContentMismatch(offset, expected, actual));

    /// <summary>A present page; its frame and map count are null where frames cannot be read.</summary>
    static LinuxPage Page(ulong? pfn, ulong? mapCount, bool exclusive = true) => new(true, false, exclusive, false, false, pfn, mapCount);

    static LinuxVma Vma(long rssPages) => new(Buffer, Buffer + (ulong)Bytes, rssPages * 4, rssPages * 4, 0, rssPages * 4, 0, 0, rssPages * 4, 0);

    static ForkInheritStep Linux(string step, params LinuxPage[] pages) =>
        new(step, step.StartsWith("child", StringComparison.Ordinal) ? "child" : "parent", true, PageStates: pages, Vma: Vma(pages.Count(p => p.Present)));

    static ForkInheritStep Unmapped(string step) => new(step, "child", false);

    /// <summary>A private (copy-on-write) run: the parent's write copies, the child's reuses. Frames 9100 and 9200 first.</summary>
    public static ForkInheritRun LinuxPrivate(bool framesKnown = true)
    {
        ulong? F(ulong pfn) => framesKnown ? pfn : null;
        ulong? Count(ulong count) => framesKnown ? count : null;
        ForkInheritStep[] steps =
        [
            Linux(ParentAfterFill, Page(F(9100), Count(1)), Page(F(9200), Count(1))),
            Linux(ChildAfterFork, Page(F(9100), Count(2), false), Page(F(9200), Count(2), false)),
            Linux(ParentAfterWrite, Page(F(9300), Count(1)), Page(F(9400), Count(1))),
            Linux(ChildAfterWrite, Page(F(9100), Count(1)), Page(F(9200), Count(1))),
            Linux(ParentAfterChildWrite, Page(F(9300), Count(1)), Page(F(9400), Count(1))),
        ];
        var content = new ForkInheritContent(
            ChildReading.ParentsData,
            new ChildAtForkChecks(Holds, Differs(0, 0x00, 0xa1)),
            false,
            new ChildAfterParentWriteChecks(Differs(0, 0xa6, 0xa1), Holds),
            false,
            new ParentAfterChildWriteChecks(Differs(4108, 0xc4, 0xa6), Holds, Differs(0, 0xa1, 0xa6)),
            new ReadBacks(Holds, Holds));
        return new ForkInheritRun("fork-inherit", Kernel.Linux, InheritMode.Private, "mmap(MAP_PRIVATE|MAP_ANONYMOUS)", "made up",
            PageSize, 2, Buffer, steps, content, new FrameAvailability(framesKnown, framesKnown ? null : "made up: no capability"));
    }

    /// <summary>A dontfork run: the child maps nothing, so nothing of it is checked.</summary>
    public static ForkInheritRun LinuxDontFork()
    {
        ForkInheritStep[] steps =
        [
            Linux(ParentAfterFill, Page(9100, 1), Page(9200, 1)),
            Unmapped(ChildAfterFork),
            Linux(ParentAfterWrite, Page(9100, 1), Page(9200, 1)),
            Unmapped(ChildAfterWrite),
            Linux(ParentAfterChildWrite, Page(9100, 1), Page(9200, 1)),
        ];
        var content = new ForkInheritContent(
            ChildReading.Unmapped, new ChildAtForkChecks(null, null), null, new ChildAfterParentWriteChecks(null, null), null, new ParentAfterChildWriteChecks(null, Holds, Differs(0, 0xa1, 0xa6)), new ReadBacks(Holds, null));
        return new ForkInheritRun("fork-inherit", Kernel.Linux, InheritMode.DontFork, "mmap + madvise(MADV_DONTFORK)", "made up",
            PageSize, 2, Buffer, steps, content, new FrameAvailability(true, null));
    }

    static XnuRegion Region(int shareMode, long refCount, ulong objectId, int inheritance) =>
        new(Buffer, Buffer + (ulong)Bytes, 0, 3, 7, inheritance, 0, 240, 2, 0, 0, 2, refCount, 0, 0, shareMode, false, 0, objectId, 0, 0);

    /// <summary>A VM_INHERIT_SHARE run as the XNU source reads: one object (id 77), SM_SHARED, two references.</summary>
    public static ForkInheritRun XnuShare()
    {
        var shared = Region(4, 2, 77, 0);
        ForkInheritStep[] steps =
        [
            new(ParentAfterFill, "parent", true, Region(2, 1, 77, 0)),
            new(ChildAfterFork, "child", true, shared),
            new(ParentAfterWrite, "parent", true, shared),
            new(ChildAfterWrite, "child", true, shared),
            new(ParentAfterChildWrite, "parent", true, shared),
        ];
        var content = new ForkInheritContent(
            ChildReading.ParentsData,
            new ChildAtForkChecks(Holds, Differs(0, 0x00, 0xa1)),
            true,
            new ChildAfterParentWriteChecks(Holds, Differs(0, 0xa1, 0xa6)),
            true,
            new ParentAfterChildWriteChecks(Holds, Differs(0, 0xa6, 0xc4), Differs(0, 0xa1, 0xc4)),
            new ReadBacks(Holds, Holds));
        return new ForkInheritRun("fork-inherit", Kernel.Xnu, InheritMode.Share, "vm_allocate + vm_inherit(VM_INHERIT_SHARE)", "made up",
            PageSize, 2, Buffer, steps, content);
    }
}

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Scenarios.ForkSteps;

namespace OolSpecs.Harness.Tests.Scenarios;

/// <summary>
/// Hand-made fork-cow runs for testing the claims' verdicts, above all that they can fail. They
/// stand for no kernel: frame numbers and addresses are invented, and the specs only ever judge
/// real probe output.
/// </summary>
static class MadeUpForkCowRuns
{
    public const long PageSize = 4096;
    const ulong Buffer = 0x7f00_beef_0000;

    public static ContentCheck Holds(long bytes = PageSize) => new(true, bytes, null);

    public static ContentCheck Differs(long offset, int expected, int actual, long bytes = PageSize) =>
        new(false, bytes, new ContentMismatch(offset, expected, actual));

    static LinuxPage Page(bool present, ulong? pfn, ulong? mapCount, bool exclusive) => new(present, false, exclusive, false, false, pfn, mapCount);

    static ForkCowStep Step(string step, LinuxPage page, int cpu = 1) =>
        new(step, step.StartsWith("child", StringComparison.Ordinal) ? "child" : "parent",
            PageStates: [page], Vma: new LinuxVma(Buffer, Buffer + PageSize, 4, 4, 0, 4, 0, 0, 4, 0), CpusAllowed: 1, PinnedCpu: cpu);

    /// <summary>
    /// The one-page walk as Linux's source reads, run pinned to CPU 1: frame 500 the parent's,
    /// 600 the child's copy, every check and read-back holding and every control differing.
    /// </summary>
    public static ForkCowRun LinuxOnePage()
    {
        ForkCowStep[] steps =
        [
            Step(AfterMap, Page(false, null, null, false)),
            Step(AfterWrite, Page(true, 500, 1, true)),
            Step(ChildAfterFork, Page(true, 500, 2, false)),
            Step(ChildAfterWrite, Page(true, 600, 1, true)),
            Step(ParentBeforeWrite, Page(true, 500, 1, true)),
            Step(ParentAfterWrite, Page(true, 500, 1, true)),
        ];
        var content = new ForkContent(
            Holds(), Holds(), Holds(),
            new ReadBacks(Holds(), Holds()),
            new ForkControls(Differs(0, 0x00, 0xa1), Differs(0, 0xc4, 0xa1), Differs(0, 0xa6, 0xc4)));
        return new ForkCowRun("fork-cow", Kernel.Linux, PageSize, 1, Fill.All, Buffer, steps, content, new FrameAvailability(true, null));
    }

    /// <summary>The same run as a comparison that never compares would report it: every check holds, controls included.</summary>
    public static ForkCowRun NothingCompared()
    {
        var run = LinuxOnePage();
        return run with
        {
            Content = run.Content with { Controls = new ForkControls(Holds(), Holds(), Holds()) },
        };
    }
}

// ForkCopyOnWrite: what a fork does to a private buffer the parent has written, on XNU and on
// Linux. The child shares the parent's pages copy-on-write; a write on either side gives that
// side a copy of its own, so neither ever reads what the other writes after the fork, and the
// parent keeps its pages. On XNU the steps are the article's fork walk-through, whose published
// table the same claims judge (Specs/PublishedTables).
//
// Read in order: the claims (one sentence each, the kernel source that decides it, and the judge
// of a run), the family's one table of cases, then the spec classes, theories over that table.
// A new family writes one such file.

using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.XnuShareMode;

namespace OolSpecs.Specs.ForkCopyOnWrite;

// The claims.

/// <summary>
/// What parent and child read back across the fork: copy-on-write is about data. Each sentence
/// is written once and claimed of each kernel with the source that decides it there. Every
/// check must cover the whole buffer; a "never reads" claim also needs the other side's write
/// to have happened (its writer read it back), and every reading must differ from the bytes it
/// must not be (the controls), so that a comparison that never compares cannot pass.
/// </summary>
public static class ForkContentClaims
{
    const string ChildReads = "the child reads the parent's data as it was at the fork";
    const string ParentNeverReads = "the parent never reads what the child writes";
    const string ChildNeverReads = "the child never reads what the parent writes after the fork";

    public static readonly Claim LinuxChildReadsParentData = new(Kernel.Linux, ChildReads,
        KernelSource.Linux(LinuxFunctions.DupMmap, LinuxFunctions.CopyPresentPte.Because("the child maps the parent's pages")));
    public static readonly Claim LinuxParentNeverReadsChildWrite = new(Kernel.Linux, ParentNeverReads,
        KernelSource.Linux(LinuxFunctions.CopyPresentPte.Because("both mappings write-protected"), LinuxFunctions.DoWpPage, LinuxFunctions.WpPageCopy.Because("the writer gets its own copy")));
    public static readonly Claim LinuxChildNeverReadsParentWrite = new(Kernel.Linux, ChildNeverReads,
        KernelSource.Linux(LinuxFunctions.DoWpPage.Because("a shared page is copied for its writer; a reused one is no longer mapped by the child")));

    public static readonly Claim XnuChildReadsParentData = new(Kernel.Xnu, ChildReads,
        KernelSource.Xnu(XnuFunctions.VmMapFork, XnuFunctions.VmObjectCopyQuickly.Because("the child's entry shares the parent's object")));
    public static readonly Claim XnuParentNeverReadsChildWrite = new(Kernel.Xnu, ParentNeverReads,
        KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("a write through a `needs_copy` entry makes the writer a shadow object"), XnuFunctions.VmFaultInternal.Because("its fast path copies the page into that shadow")));
    public static readonly Claim XnuChildNeverReadsParentWrite = new(Kernel.Xnu, ChildNeverReads,
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("the parent's entry is `needs_copy` too"), XnuFunctions.VmMapLookupAndLockObject, XnuFunctions.VmFaultInternal));

    public static ClaimVerdict ChildReadsParentData(ForkCowRun run) =>
        new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuChildReadsParentData : LinuxChildReadsParentData)
            .ReadsAsClaimed(run.Content.ChildReadsParentData, "the child", Bytes(run))
            .ReadsOtherThan(run.Content.Controls.ChildAtForkAgainstZeros, "the child, compared with zeros,", "zeros", Bytes(run));

    public static ClaimVerdict ParentNeverReadsChildWrite(ForkCowRun run) =>
        new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuParentNeverReadsChildWrite : LinuxParentNeverReadsChildWrite)
            .ReadsAsClaimed(run.Content.ReadBack.Child, "the child, reading back its own write,", Bytes(run))
            .ReadsAsClaimed(run.Content.ParentNeverReadsChildWrite, "the parent", Bytes(run))
            .ReadsOtherThan(run.Content.Controls.ParentAgainstChildWrite, "the parent, compared with the child's buffer,", "what the child wrote", Bytes(run));

    public static ClaimVerdict ChildNeverReadsParentWrite(ForkCowRun run) =>
        new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuChildNeverReadsParentWrite : LinuxChildNeverReadsParentWrite)
            .ReadsAsClaimed(run.Content.ReadBack.Parent, "the parent, reading back its second write,", Bytes(run))
            .ReadsAsClaimed(run.Content.ChildNeverReadsParentWrite, "the child", Bytes(run))
            .ReadsOtherThan(run.Content.Controls.ChildAgainstParentWrite, "the child, compared with the parent's second write,", "the parent's second write", Bytes(run));

    /// <summary>The buffer's size: every check compares all of it.</summary>
    static long Bytes(ForkCowRun run) => run.Pages * run.PageSize;
}

/// <summary>
/// What Linux documents for the same walk-through (pagemap.rst: bit 63 present, bit 56
/// exclusively mapped, /proc/kpagecount the map count; fork shares anonymous pages
/// copy-on-write). A write by the last mapper of a page fork had shared is not promised to
/// reuse it: `do_wp_page` reuses such a page only when `wp_can_reuse_anon_folio` finds no
/// reference but the writer's, after draining this CPU's LRU batches alone. A page faulted in
/// moments before may still sit in another CPU's batch, which holds a reference, and is then
/// copied: unpinned, the parent copied in 23 of 1,200 runs here (pinned, in none). So the reuse
/// is claimed only of parent and child run on one CPU, as the probe runs them, and each run
/// shows they were.
/// Frame checks need CAP_SYS_ADMIN; without it they are reported as unverified, never passed.
/// </summary>
public static class LinuxForkClaims
{
    public static readonly Claim Untouched = new(Kernel.Linux, "an untouched private mapping has no page behind it",
        KernelSource.Linux(LinuxFunctions.PteToPagemapEntry.Because("no PM_PRESENT bit without a page table entry")));
    public static readonly Claim Written = new(Kernel.Linux, "writing faults in a frame mapped by this process alone",
        KernelSource.Linux(LinuxFunctions.DoAnonymousPage.Because("a new folio mapped once"), LinuxFunctions.PteToPagemapEntry.Because("PM_MMAP_EXCLUSIVE for a map count of 1")));
    public static readonly Claim ChildShares = new(Kernel.Linux, "after fork the child maps the parent's very frame, now mapped twice and so not exclusive",
        KernelSource.Linux(LinuxFunctions.DupMmap, LinuxFunctions.CopyPresentPte.Because("the anonymous page is write-protected and mapped in both"), LinuxFunctions.PteToPagemapEntry));
    public static readonly Claim ChildCopies = new(Kernel.Linux, "the child's write copies each page it writes to a new frame that only the child maps; a page it does not write stays the parent's frame, mapped twice",
        KernelSource.Linux(LinuxFunctions.DoWpPage, LinuxFunctions.WpPageCopy.Because("a page mapped twice is copied on write")));
    public static readonly Claim ParentKeeps = new(Kernel.Linux, "the parent keeps its frames: mapped once again where the child made its own copy, still mapped twice where it did not",
        KernelSource.Linux(LinuxFunctions.WpPageCopy.Because("the child's copy drops its mapping of the old page")));
    public static readonly Claim ParentReuses = new(Kernel.Linux, "with parent and child pinned to one CPU, the parent's write reuses a frame only it maps and copies one it still shares with the child",
        KernelSource.Linux(LinuxFunctions.DoWpPage, LinuxFunctions.WpCanReuseAnonFolio.Because("a page fork shared is reused only when the writer holds the sole reference, after draining this CPU's LRU batches")));

    public static Claim For(string step) => step switch
    {
        ForkSteps.AfterMap => Untouched,
        ForkSteps.AfterWrite => Written,
        ForkSteps.ChildAfterFork => ChildShares,
        ForkSteps.ChildAfterWrite => ChildCopies,
        ForkSteps.ParentBeforeWrite => ParentKeeps,
        ForkSteps.ParentAfterWrite => ParentReuses,
        _ => throw new ArgumentException($"The fork walk-through has no step '{step}'.", nameof(step)),
    };

    public static ClaimVerdict Judge(string step, ForkCowRun run)
    {
        var verdict = new ClaimVerdict(For(step));
        var pages = run.Step(step).LinuxPages;
        var before = run.Step(ForkSteps.AfterWrite).LinuxPages;

        for (var i = 0; i < pages.Count; i++)
        {
            var page = new PageExpectation(verdict, step, i, pages[i]);
            if (step == ForkSteps.AfterMap)
            {
                page.Present(false);
                continue;
            }

            // Whether the child has its own copy of this page by this step.
            var childCopied = step is ForkSteps.ChildAfterWrite or ForkSteps.ParentBeforeWrite or ForkSteps.ParentAfterWrite
                && (run.ChildWrites == Fill.All || i == 0);
            var shared = step is ForkSteps.ChildAfterFork || (step is ForkSteps.ChildAfterWrite or ForkSteps.ParentBeforeWrite && !childCopied);
            page.Present(true);
            page.Exclusive(!shared);
            if (!run.FramesKnown)
            {
                continue;
            }

            page.MapCount(shared ? 2UL : 1UL);
            var keepsFrame = step switch
            {
                ForkSteps.AfterWrite => (bool?)null,
                ForkSteps.ChildAfterWrite => !childCopied,
                ForkSteps.ParentAfterWrite => childCopied,
                _ => true,
            };
            if (keepsFrame is { } same)
            {
                page.Frame(sameAs: before[i].Pfn, same);
            }
        }

        if (step == ForkSteps.ParentAfterWrite)
        {
            PinnedToOneCpu(verdict, run);
        }

        if (step != ForkSteps.AfterMap && !run.FramesKnown)
        {
            verdict.CannotTell(Requires.Frames(run.Frames));
        }

        return verdict;
    }

    /// <summary>The reuse claim's condition: every step's process, parent and child, could run on one CPU only, the same.</summary>
    static void PinnedToOneCpu(ClaimVerdict verdict, ForkCowRun run)
    {
        foreach (var step in run.Steps)
        {
            verdict.Expect(step.CpusAllowed == 1, $"{step.Step}: the {step.Actor} was not pinned: it could run on {step.CpusAllowed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unreported"} CPUs, not 1");
        }

        var cpus = run.Steps.Select(s => s.PinnedCpu).Distinct().ToList();
        verdict.Expect(cpus.Count == 1, $"parent and child were not pinned to the same CPU: {string.Join(", ", run.Steps.Select(s => $"{s.Step} on {s.PinnedCpu?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"))}");
    }

    sealed class PageExpectation(ClaimVerdict verdict, string step, int index, LinuxPage page)
    {
        public void Present(bool expected) => Expect(page.Present == expected, $"is {Not(page.Present)}present");

        public void Exclusive(bool expected) => Expect(page.Exclusive == expected, $"is {Not(page.Exclusive)}exclusively mapped");

        public void MapCount(ulong expected) =>
            Expect(page.MapCount == expected, $"has map count {page.MapCount?.ToString() ?? "unknown"}, not {expected}");

        public void Frame(ulong? sameAs, bool same) =>
            Expect((page.Pfn == sameAs) == same, same ? "is not on the frame it had before the fork" : "is still on the frame it had before the fork: nothing was copied");

        void Expect(bool holds, string otherwise) => verdict.Expect(holds, $"{step}: page {index} {otherwise}");

        static string Not(bool value) => value ? "" : "not ";
    }
}

/// <summary>
/// What the article documents for XNU at each step of the fork walk-through. The same code
/// judges a live observation and the article's published table, so the claims are proven
/// against the measurements they come from.
/// </summary>
public static class XnuForkClaims
{
    public static readonly Claim Untouched = new(Kernel.Xnu, "an allocation nobody has touched is empty: no resident page and no reference",
        KernelSource.Xnu(XnuFunctions.VmMapEnter.Because("no object until the first fault"), XnuFunctions.VmMapRegionWalk.Because("SM_EMPTY for a null object")));
    public static readonly Claim Written = new(Kernel.Xnu, "writing makes the pages resident in a private region with one reference",
        KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("an entry without an object gets a new one"), XnuFunctions.VmFaultInternal.Because("its fast path zero-fills the page"), XnuFunctions.VmMapRegionWalk));
    public static readonly Claim ChildShares = new(Kernel.Xnu, "after fork the child's region is copy-on-write, referenced by both tasks, with the parent's pages resident",
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("VM_INHERIT_COPY"), XnuFunctions.VmObjectCopyQuickly.Because("both entries `needs_copy`"), XnuFunctions.VmMapRegionWalk));
    public static readonly Claim ChildCopies = new(Kernel.Xnu, "the child's write gives it a private copy with one reference",
        KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("the child's write through `needs_copy` makes it a shadow"), XnuFunctions.VmFaultInternal.Because("its fast path copies the page into the shadow"), XnuFunctions.VmMapRegionLookForPage.Because("the page is found at depth 0")));
    public static readonly Claim ParentStillCow = new(Kernel.Xnu, "the parent's region stays copy-on-write after the child copied, though its ref_count is back to 1",
        KernelSource.Xnu(XnuFunctions.VmFaultInternal.Because("its fast path asks for a collapse after the copy"), XnuFunctions.VmFaultComplete.Because("calls `vm_object_collapse`"), XnuFunctions.VmObjectCollapse.Because("bypasses the backing object once the shadow covers it"), XnuFunctions.VmObjectDoBypass.Because("drops the child's reference; the parent's entry keeps `needs_copy`")));
    public static readonly Claim ParentPrivate = new(Kernel.Xnu, "the parent's write makes its region private again",
        KernelSource.Xnu(XnuFunctions.VmMapLookupAndLockObject.Because("the parent's write through `needs_copy` asks for a shadow"), XnuFunctions.VmObjectShadow.Because("none is made for an object with one reference"), XnuFunctions.VmMapRegionWalk));

    public static readonly Claim ChildPartCopyStillShares = new(Kernel.Xnu, "when the child writes only part of the buffer, its region stays copy-on-write on the parent's object (SM_COW, ref_count 2, every page resident)",
        KernelSource.Xnu(XnuFunctions.VmObjectCollapse.Because("the bypass is refused while the backing object holds pages the shadow does not cover"), XnuFunctions.VmMapRegionLookForPage.Because("unwritten pages are found at depth 1"), XnuFunctions.VmMapRegionWalk));
    public static readonly Claim ParentStillShares = new(Kernel.Xnu, "when the child wrote only part of the buffer, the parent's region stays copy-on-write with ref_count 2 until the parent writes",
        KernelSource.Xnu(XnuFunctions.VmObjectCollapse.Because("no bypass"), XnuFunctions.VmMapRegionWalk.Because("SM_COW for `needs_copy`, the object's ref_count")));

    /// <summary>
    /// The claim of one step and the state it documents for a buffer of <paramref name="pages"/>
    /// pages of which the child writes <paramref name="childWrites"/>; null where the source does
    /// not settle the step (the snapshot holds it).
    /// </summary>
    public static (Claim Claim, XnuRegionState Documented)? For(string step, long pages, Fill childWrites) =>
        childWrites == Fill.All || pages == 1
            ? For(step, pages)
            : step switch
            {
                ForkSteps.ChildAfterWrite => (ChildPartCopyStillShares, new(pages, 2, SM_COW)),
                ForkSteps.ParentBeforeWrite => (ParentStillShares, new(pages, 2, SM_COW)),
                ForkSteps.ParentAfterWrite => null,
                _ => For(step, pages),
            };

    /// <summary>The claim of one step and the state it documents for a buffer of <paramref name="pages"/> pages, all written by the child.</summary>
    public static (Claim Claim, XnuRegionState Documented) For(string step, long pages) => step switch
    {
        ForkSteps.AfterMap => (Untouched, new(0, 0, SM_EMPTY)),
        ForkSteps.AfterWrite => (Written, new(pages, 1, SM_PRIVATE)),
        ForkSteps.ChildAfterFork => (ChildShares, new(pages, 2, SM_COW)),
        ForkSteps.ChildAfterWrite => (ChildCopies, new(pages, 1, SM_PRIVATE)),
        ForkSteps.ParentBeforeWrite => (ParentStillCow, new(pages, 1, SM_COW)),
        ForkSteps.ParentAfterWrite => (ParentPrivate, new(pages, 1, SM_PRIVATE)),
        _ => throw new ArgumentException($"The fork walk-through has no step '{step}'.", nameof(step)),
    };

    /// <summary>Each way <paramref name="observed"/> departs from the step's documented state.</summary>
    public static ClaimVerdict Judge(string step, XnuRegionState observed, long pages) => Judge(For(step, pages), step, observed);

    public static ClaimVerdict Judge((Claim Claim, XnuRegionState Documented) documentedStep, string step, XnuRegionState observed)
    {
        var (claim, documented) = documentedStep;
        return new ClaimVerdict(claim)
            .Expect(observed.ShareMode == documented.ShareMode, $"{step}: share_mode is {observed.ShareMode}, documented {documented.ShareMode}")
            .Expect(observed.RefCount == documented.RefCount, $"{step}: ref_count is {observed.RefCount}, documented {documented.RefCount}")
            .Expect(observed.PagesResident == documented.PagesResident, $"{step}: pages_resident is {observed.PagesResident}, documented {documented.PagesResident}");
    }
}

/// <summary>The three region fields the article's fork table publishes.</summary>
public sealed record XnuRegionState(long PagesResident, long RefCount, XnuShareMode ShareMode)
{
    public static XnuRegionState Of(XnuRegion region) => new(region.PagesResident, region.RefCount, region.Mode);
}

// The one table of cases.

/// <summary>
/// One fork walk on one kernel: the walk (pages, which the child writes), the exact allocation,
/// the checks a run of it is judged by (one per step the source settles, and the content
/// claims), and what breaks if the kernel gets it wrong.
/// </summary>
public sealed record ForkCowCase(string Walk, ForkCowScenario Scenario, Kernel Kernel, string Allocation, IReadOnlyList<Check<ForkCowRun>> Checks, string Security)
    : ICheckedCase<ForkCowRun>
{
    public string Description => $"{Walk} ({Kernel.Title()})";

    public string ProbeCommand => Scenario.Command;

    public IScenario<ForkCowRun> ScenarioFor(bool withoutCapSysAdmin) => Scenario with { WithoutCapSysAdmin = withoutCapSysAdmin };

    public IReadOnlyList<Claim> Claims => [.. Checks.Select(check => check.Claim)];

    public override string ToString() => Description;
}

/// <summary>
/// The one table of fork-cow cases: the article's walk (one page, the child writes it) and one
/// where the child writes only the first of four pages, each on XNU and on Linux. Map, write,
/// fork; the child looks, writes, looks; the parent looks, writes, looks while the child lives.
/// </summary>
public static class ForkCowCases
{
    const string OnePage = "one page, written by the child";
    const string FirstOfFour = "four pages, the child writes the first";

    static readonly IReadOnlyList<Check<ForkCowRun>> LinuxContent =
    [
        new(ForkContentClaims.LinuxChildReadsParentData, ForkContentClaims.ChildReadsParentData),
        new(ForkContentClaims.LinuxParentNeverReadsChildWrite, ForkContentClaims.ParentNeverReadsChildWrite),
        new(ForkContentClaims.LinuxChildNeverReadsParentWrite, ForkContentClaims.ChildNeverReadsParentWrite),
    ];

    static readonly IReadOnlyList<Check<ForkCowRun>> XnuContent =
    [
        new(ForkContentClaims.XnuChildReadsParentData, ForkContentClaims.ChildReadsParentData),
        new(ForkContentClaims.XnuParentNeverReadsChildWrite, ForkContentClaims.ParentNeverReadsChildWrite),
        new(ForkContentClaims.XnuChildNeverReadsParentWrite, ForkContentClaims.ChildNeverReadsParentWrite),
    ];

    public static readonly IReadOnlyList<ForkCowCase> All =
    [
        Xnu(OnePage, new ForkCowScenario(),
            "a child write that reached the parent's VM object would corrupt the parent's memory: the shadow chain is all that keeps them apart"),
        Linux(OnePage, new ForkCowScenario(),
            "a copy-on-write page the child can still write through into the parent is DirtyCOW-like corruption; a parent write that shows in the child leaks what the parent writes after forking"),
        Xnu(FirstOfFour, ForkCowScenario.PartlyWrittenByTheChild,
            "the child's partial shadow still needs the parent's object: a collapse that bypassed it early would leave the child reading pages the parent writes later"),
        Linux(FirstOfFour, ForkCowScenario.PartlyWrittenByTheChild,
            "a page the child did not write stays shared: a parent write that landed in it in place, without a copy, would show the parent's later data to the child"),
    ];

    /// <summary>On Linux every step is settled, whichever pages the child writes.</summary>
    static ForkCowCase Linux(string walk, ForkCowScenario scenario, string security) =>
        new(walk, scenario, Kernel.Linux, PageBuffers.Linux("MAP_PRIVATE"),
            [.. ForkSteps.InOrder.Select(step => new Check<ForkCowRun>(LinuxForkClaims.For(step), run => LinuxForkClaims.Judge(step, InOrder(run)))), .. LinuxContent],
            security);

    /// <summary>On XNU a step the source does not settle for this walk has no check: the snapshot holds it.</summary>
    static ForkCowCase Xnu(string walk, ForkCowScenario scenario, string security) =>
        new(walk, scenario, Kernel.Xnu, PageBuffers.Xnu(),
            [
                .. ForkSteps.InOrder
                    .Select(step => (Step: step, Documented: XnuForkClaims.For(step, scenario.Pages, scenario.ChildWrites)))
                    .Where(settled => settled.Documented is not null)
                    .Select(settled => new Check<ForkCowRun>(settled.Documented!.Value.Claim,
                        run => XnuForkClaims.Judge(settled.Documented.Value, settled.Step, XnuRegionState.Of(InOrder(run).Step(settled.Step).XnuRegion)))),
                .. XnuContent,
            ],
            security);

    /// <summary>The run, if the probe reported the article's six steps in order: a step is judged only in its place.</summary>
    static ForkCowRun InOrder(ForkCowRun run) =>
        run.Steps.Select(s => s.Step).SequenceEqual(ForkSteps.InOrder)
            ? run
            : throw new InvalidOperationException($"The probe reported the steps {string.Join(", ", run.Steps.Select(s => s.Step))}, not the article's six in order.");
}

// The specs: theories over the table of cases.

/// <summary>
/// What parent and child read back: the child reads the parent's data as it was at the fork,
/// the parent never reads what the child writes, and the child never reads what the parent
/// writes later, whether the child wrote every page or only the first. Each writer has its own
/// byte pattern (Native/src/content.c) and every check compares the whole buffer:
/// <code>
/// oolprobe fork-cow --pages 1 --child-writes all
/// oolprobe fork-cow --pages 4 --child-writes first
/// </code>
/// on the allocations of <see cref="ForkCowCases"/>. A mismatch names the offset and both bytes.
/// </summary>
public sealed class ForkContentSpec
{
    static Claim[] ChildReads => [ForkContentClaims.LinuxChildReadsParentData, ForkContentClaims.XnuChildReadsParentData];
    static Claim[] ParentNeverReads => [ForkContentClaims.LinuxParentNeverReadsChildWrite, ForkContentClaims.XnuParentNeverReadsChildWrite];
    static Claim[] ChildNeverReads => [ForkContentClaims.LinuxChildNeverReadsParentWrite, ForkContentClaims.XnuChildNeverReadsParentWrite];

    public static TheoryData<string> ChildReadsRows => ForkCowCases.All.Under(ChildReads);

    public static TheoryData<string> ParentNeverReadsRows => ForkCowCases.All.Under(ParentNeverReads);

    public static TheoryData<string> ChildNeverReadsRows => ForkCowCases.All.Under(ChildNeverReads);

    [SkippableTheory]
    [MemberData(nameof(ChildReadsRows))]
    public void The_child_reads_the_parents_data_as_it_was_at_the_fork(string walk) => ClaimAssert.Holds(Row(walk).Judged(ChildReads));

    [SkippableTheory]
    [MemberData(nameof(ParentNeverReadsRows))]
    public void The_parent_never_reads_what_the_child_writes(string walk) => ClaimAssert.Holds(Row(walk).Judged(ParentNeverReads));

    [SkippableTheory]
    [MemberData(nameof(ChildNeverReadsRows))]
    public void The_child_never_reads_what_the_parent_writes_after_the_fork(string walk) => ClaimAssert.Holds(Row(walk).Judged(ChildNeverReads));

    static ForkCowCase Row(string description) => ForkCowCases.All.Described(description);
}

/// <summary>
/// A buffer is mapped and written, then the process forks. Untouched, the allocation has nothing
/// behind it; written, it is private to the parent. After the fork the child shares the
/// parent's pages copy-on-write; the child's write gives it a copy of its own; the parent still
/// maps its pages and its own write takes them back:
/// <code>
/// oolprobe fork-cow --pages 1 --child-writes all     XNU    vm_allocate(VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1))
/// oolprobe fork-cow --pages 4 --child-writes first   Linux  mmap(MAP_PRIVATE|MAP_ANONYMOUS) between PROT_NONE guard pages, MADV_NOHUGEPAGE
/// </code>
/// (every walk, its allocation and claims: <see cref="ForkCowCases"/>). Where the child writes
/// only the first of four pages, its copy cannot cover the parent's pages: the rest stay shared
/// (Linux: the parent's frames, mapped twice, until the parent's write copies them; XNU: both
/// regions copy-on-write with ref_count 2). Each step's claim is a theory over the walks it is
/// claimed of; then each walk is compared with its approved snapshot, and on Linux observed once
/// more without CAP_SYS_ADMIN.
/// </summary>
public sealed class ForkCopyOnWriteSpec
{
    static Claim[] Untouched => [LinuxForkClaims.Untouched, XnuForkClaims.Untouched];
    static Claim[] Written => [LinuxForkClaims.Written, XnuForkClaims.Written];
    static Claim[] ChildShares => [LinuxForkClaims.ChildShares, XnuForkClaims.ChildShares];
    static Claim[] ChildCopies => [LinuxForkClaims.ChildCopies, XnuForkClaims.ChildCopies];
    static Claim[] ParentKeeps => [LinuxForkClaims.ParentKeeps, XnuForkClaims.ParentStillCow];

    public static TheoryData<string> UntouchedRows => ForkCowCases.All.Under(Untouched);

    public static TheoryData<string> WrittenRows => ForkCowCases.All.Under(Written);

    public static TheoryData<string> ChildSharesRows => ForkCowCases.All.Under(ChildShares);

    public static TheoryData<string> ChildCopiesRows => ForkCowCases.All.Under(ChildCopies);

    public static TheoryData<string> ParentKeepsRows => ForkCowCases.All.Under(ParentKeeps);

    public static TheoryData<string> ParentPrivateRows => ForkCowCases.All.Under(XnuForkClaims.ParentPrivate);

    public static TheoryData<string> ParentReusesRows => ForkCowCases.All.Under(LinuxForkClaims.ParentReuses);

    public static TheoryData<string> PartCopyRows => ForkCowCases.All.Under(XnuForkClaims.ChildPartCopyStillShares);

    public static TheoryData<string> ParentStillSharesRows => ForkCowCases.All.Under(XnuForkClaims.ParentStillShares);

    public static TheoryData<string> EveryWalk => ForkCowCases.All.Matching(_ => true);

    public static TheoryData<string> LinuxWalks => ForkCowCases.All.Matching(row => row.Kernel == Kernel.Linux);

    [SkippableTheory]
    [MemberData(nameof(UntouchedRows))]
    public void An_untouched_allocation_has_no_page_behind_it(string walk) => ClaimAssert.Holds(Row(walk).Judged(Untouched));

    [SkippableTheory]
    [MemberData(nameof(WrittenRows))]
    public void Writing_makes_the_page_resident_and_private(string walk) => ClaimAssert.Holds(Row(walk).Judged(Written));

    [SkippableTheory]
    [MemberData(nameof(ChildSharesRows))]
    public void After_fork_the_child_shares_the_parents_page_copy_on_write(string walk) => ClaimAssert.Holds(Row(walk).Judged(ChildShares));

    [SkippableTheory]
    [MemberData(nameof(ChildCopiesRows))]
    public void The_childs_write_gives_the_child_a_private_copy(string walk) => ClaimAssert.Holds(Row(walk).Judged(ChildCopies));

    [SkippableTheory]
    [MemberData(nameof(PartCopyRows))]
    public void The_pages_the_child_did_not_write_stay_shared_with_the_parent(string walk) =>
        ClaimAssert.Holds(Row(walk).Judged(XnuForkClaims.ChildPartCopyStillShares));

    [SkippableTheory]
    [MemberData(nameof(ParentKeepsRows))]
    public void The_parent_keeps_its_page_and_still_sees_copy_on_write_until_it_writes(string walk) => ClaimAssert.Holds(Row(walk).Judged(ParentKeeps));

    [SkippableTheory]
    [MemberData(nameof(ParentStillSharesRows))]
    public void The_parent_still_shares_what_the_child_did_not_write_until_it_writes(string walk) =>
        ClaimAssert.Holds(Row(walk).Judged(XnuForkClaims.ParentStillShares));

    [SkippableTheory]
    [MemberData(nameof(ParentPrivateRows))]
    public void The_parents_write_makes_its_page_private_without_a_copy(string walk) => ClaimAssert.Holds(Row(walk).Judged(XnuForkClaims.ParentPrivate));

    [SkippableTheory]
    [MemberData(nameof(ParentReusesRows))]
    public void The_parents_write_copies_what_it_shares_and_reuses_what_it_alone_maps(string walk) =>
        ClaimAssert.Holds(Row(walk).Judged(LinuxForkClaims.ParentReuses));

    [SkippableTheory]
    [MemberData(nameof(EveryWalk))]
    public void The_whole_walk_matches_the_approved_snapshot(string walk) => Snapshot.Matches(Row(walk).OnThisKernel());

    [SkippableTheory]
    [MemberData(nameof(LinuxWalks))]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown_never_invented(string walk)
    {
        var row = Row(walk);
        var run = row.Run(withoutCapSysAdmin: true);

        WithoutFrames.ReportedUnknown(run, run.Steps.SelectMany(s => s.LinuxPages));
        var verdicts = row.JudgeAll(run);
        WithoutFrames.OnlyFramesUnverified(verdicts, run.Frames);
        var onFrames = ForkSteps.InOrder.Where(step => step != ForkSteps.AfterMap).Select(LinuxForkClaims.For).ToList();
        foreach (var verdict in verdicts)
        {
            (verdict.Unverified.Count > 0).Should().Be(onFrames.Contains(verdict.Claim), "only frame claims are left unverified: {0}", verdict.Claim);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(LinuxWalks))]
    public void The_walk_without_frames_matches_its_approved_snapshot(string walk) => Snapshot.Matches(Row(walk).OnThisKernel(withoutCapSysAdmin: true));

    static ForkCowCase Row(string description) => ForkCowCases.All.Described(description);
}

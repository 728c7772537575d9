using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// What Linux documents for the same walk-through (pagemap.rst: bit 63 present, bit 56
/// exclusively mapped, /proc/kpagecount the map count; fork shares anonymous pages
/// copy-on-write and a write by the last mapper reuses the page).
/// Frame checks need CAP_SYS_ADMIN; without it they are reported as unverified, never passed.
/// </summary>
public static class LinuxForkClaims
{
    public static readonly Claim Untouched = new(Kernel.Linux, "an untouched private mapping has no page behind it",
        KernelSource.Linux("`pte_to_pagemap_entry` (no PM_PRESENT bit without a page table entry)"));
    public static readonly Claim Written = new(Kernel.Linux, "writing faults in a frame mapped by this process alone",
        KernelSource.Linux("`do_anonymous_page` (a new folio mapped once), `pte_to_pagemap_entry` (PM_MMAP_EXCLUSIVE for a map count of 1)"));
    public static readonly Claim ChildShares = new(Kernel.Linux, "after fork the child maps the parent's very frame, now mapped twice and so not exclusive",
        KernelSource.Linux("`dup_mmap`, `copy_present_pte` (the anonymous page is write-protected and mapped in both), `pte_to_pagemap_entry`"));
    public static readonly Claim ChildCopies = new(Kernel.Linux, "the child's write copies each page it writes to a new frame that only the child maps; a page it does not write stays the parent's frame, mapped twice",
        KernelSource.Linux("`do_wp_page`, `wp_page_copy` (a page mapped twice is copied on write)"));
    public static readonly Claim ParentKeeps = new(Kernel.Linux, "the parent keeps its frames: mapped once again where the child made its own copy, still mapped twice where it did not",
        KernelSource.Linux("`wp_page_copy` (the child's copy drops its mapping of the old page)"));
    public static readonly Claim ParentReuses = new(Kernel.Linux, "the parent's write reuses a frame only it maps (the last mapper needs no copy) and copies a frame it still shares with the child",
        KernelSource.Linux("`do_wp_page`, `wp_can_reuse_anon_folio` (an exclusive anonymous folio is reused, not copied)"));

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

        if (step != ForkSteps.AfterMap && !run.FramesKnown)
        {
            verdict.CannotTell(Requires.Frames(run.Frames));
        }

        return verdict;
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

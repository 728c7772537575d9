using OolSpecs.Harness.Observations;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// What Linux documents for the same walk-through (pagemap.rst: bit 63 present, bit 56
/// exclusively mapped, /proc/kpagecount the map count; fork shares anonymous pages
/// copy-on-write and a write by the last mapper reuses the page).
/// Frame checks need CAP_SYS_ADMIN; without it they are reported as unverified, never passed.
/// </summary>
public static class LinuxForkClaims
{
    public sealed record Result(IReadOnlyList<string> Violations, string? Unverified);

    public static string Sentence(string step) => step switch
    {
        ForkSteps.AfterMap => "an untouched private mapping has no page behind it",
        ForkSteps.AfterWrite => "writing faults in a frame mapped by this process alone",
        ForkSteps.ChildAfterFork => "after fork the child maps the parent's very frame, now mapped twice and so not exclusive",
        ForkSteps.ChildAfterWrite => "the child's write copies the page to a new frame that only the child maps",
        ForkSteps.ParentBeforeWrite => "the parent keeps its frame, mapped once again",
        ForkSteps.ParentAfterWrite => "the parent's write reuses its frame: the last mapper needs no copy",
        _ => throw new ArgumentException($"The fork walk-through has no step '{step}'.", nameof(step)),
    };

    public static Result Check(string step, ForkCowRun run)
    {
        var pages = run.Step(step).LinuxPages;
        var before = run.Step(ForkSteps.AfterWrite).LinuxPages;
        var violations = new List<string>();
        var framesKnown = run.Frames?.Available ?? false;

        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var expect = new PageExpectation(step, i, page, violations);
            if (step == ForkSteps.AfterMap)
            {
                expect.Present(false);
                continue;
            }

            expect.Present(true);
            expect.Exclusive(step != ForkSteps.ChildAfterFork);
            if (!framesKnown)
            {
                continue;
            }

            expect.MapCount(step == ForkSteps.ChildAfterFork ? 2UL : 1UL);
            switch (step)
            {
                case ForkSteps.ChildAfterFork or ForkSteps.ParentBeforeWrite or ForkSteps.ParentAfterWrite:
                    expect.Frame(sameAs: before[i].Pfn, same: true);
                    break;
                case ForkSteps.ChildAfterWrite:
                    expect.Frame(sameAs: before[i].Pfn, same: false);
                    break;
            }
        }

        var needsFrames = step != ForkSteps.AfterMap;
        var unverified = needsFrames && !framesKnown
            ? $"frame numbers and map counts are unknown ({run.Frames?.Reason ?? "not reported"}); run as root to check them"
            : null;
        return new Result(violations, unverified);
    }

    sealed class PageExpectation(string step, int index, LinuxPage page, List<string> violations)
    {
        public void Present(bool expected) => Expect(page.Present == expected, $"is {Not(page.Present)}present");

        public void Exclusive(bool expected) => Expect(page.Exclusive == expected, $"is {Not(page.Exclusive)}exclusively mapped");

        public void MapCount(ulong expected) =>
            Expect(page.MapCount == expected, $"has map count {page.MapCount?.ToString() ?? "unknown"}, not {expected}");

        public void Frame(ulong? sameAs, bool same) =>
            Expect((page.Pfn == sameAs) == same, same ? "is not on the frame it had before the fork" : "is still on the frame it had before the fork");

        void Expect(bool holds, string otherwise)
        {
            if (!holds)
            {
                violations.Add($"{step}: page {index} {otherwise}");
            }
        }

        static string Not(bool value) => value ? "" : "not ";
    }
}

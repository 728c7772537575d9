using System.Globalization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Observations.ForkInheritSteps;

namespace OolSpecs.Specs.ForkInheritance;

/// <summary>
/// The checks the fork-inherit claims are made of. A content check that fails says where the
/// bytes first differed and what was read there; a frame check needs frame numbers, and
/// without them is reported unverified, never passed.
/// </summary>
public static class InheritChecks
{
    /// <summary>
    /// The check holds: <paramref name="who"/> read <paramref name="expecting"/> in every byte of
    /// the buffer (judged as every content claim is, <see cref="ContentVerdicts.ReadsAsClaimed"/>).
    /// </summary>
    public static ClaimVerdict Reads(this ClaimVerdict verdict, ForkInheritRun run, ContentCheck? check, string who, string expecting) =>
        verdict.ReadsAsClaimed(check, $"{who}, expecting {expecting},", run.Bytes);

    /// <summary>The check, over every byte of the buffer, does not hold: what <paramref name="who"/> read is not <paramref name="what"/>.</summary>
    public static ClaimVerdict DoesNotRead(this ClaimVerdict verdict, ForkInheritRun run, ContentCheck? check, string who, string what) =>
        verdict.ReadsOtherThan(check, who, what, run.Bytes);

    /// <summary>
    /// The parent's second write happened: the parent read it back right after writing. Without
    /// it, "the child never sees the parent's write" would hold of a write never made.
    /// </summary>
    public static ClaimVerdict ParentWrote(this ClaimVerdict verdict, ForkInheritRun run) =>
        verdict.ReadsAsClaimed(run.Content.ReadBack.Parent, $"{ParentAfterWrite}: the parent, reading back its own write,", run.Bytes);

    /// <summary>The child's write happened: the child read it back right after writing.</summary>
    public static ClaimVerdict ChildWrote(this ClaimVerdict verdict, ForkInheritRun run) =>
        verdict.ReadsAsClaimed(run.Content.ReadBack.Child, $"{ChildAfterWrite}: the child, reading back its own write,", run.Bytes);

    /// <summary>Whether the step's process maps the buffer.</summary>
    public static ClaimVerdict Maps(this ClaimVerdict verdict, ForkInheritRun run, string step, bool mapped) =>
        verdict.Expect(run.Step(step).Mapped == mapped,
            $"{step}: the {run.Step(step).Actor} {(mapped ? "does not map" : "maps")} the buffer");

    /// <summary>Every page of a Linux step is (or is not) present.</summary>
    public static ClaimVerdict Present(this ClaimVerdict verdict, ForkInheritRun run, string step, bool present)
    {
        if (!Mapped(verdict, run, step))
        {
            return verdict;
        }

        var pages = run.Step(step).LinuxPages;
        for (var i = 0; i < pages.Count; i++)
        {
            verdict.Expect(pages[i].Present == present, $"{step}: page {i} is {(present ? "not " : "")}present");
        }

        return verdict;
    }

    /// <summary>Every page of a Linux step is (or is not) exclusively mapped.</summary>
    public static ClaimVerdict Exclusive(this ClaimVerdict verdict, ForkInheritRun run, string step, bool exclusive)
    {
        if (!Mapped(verdict, run, step))
        {
            return verdict;
        }

        var pages = run.Step(step).LinuxPages;
        for (var i = 0; i < pages.Count; i++)
        {
            verdict.Expect(pages[i].Exclusive == exclusive, $"{step}: page {i} is {(exclusive ? "not " : "")}exclusively mapped");
        }

        return verdict;
    }

    /// <summary>Every page of a Linux step has this map count.</summary>
    public static ClaimVerdict MapCount(this ClaimVerdict verdict, ForkInheritRun run, string step, ulong count)
    {
        if (!FramesKnown(verdict, run) || !Mapped(verdict, run, step))
        {
            return verdict;
        }

        var pages = run.Step(step).LinuxPages;
        for (var i = 0; i < pages.Count; i++)
        {
            verdict.Expect(pages[i].MapCount == count, $"{step}: page {i} has map count {pages[i].MapCount?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}, not {count}");
        }

        return verdict;
    }

    /// <summary>Page by page, <paramref name="step"/> is (or is not) on the frames <paramref name="other"/> was on.</summary>
    public static ClaimVerdict SameFrames(this ClaimVerdict verdict, ForkInheritRun run, string step, string other, bool same)
    {
        if (!FramesKnown(verdict, run) || !Mapped(verdict, run, step) || !Mapped(verdict, run, other))
        {
            return verdict;
        }

        var pages = run.Step(step).LinuxPages;
        var others = run.Step(other).LinuxPages;
        for (var i = 0; i < pages.Count; i++)
        {
            var equal = pages[i].Pfn is { } pfn && pfn == others[i].Pfn;
            verdict.Expect(equal == same, $"{step}: page {i} is {(same ? "not " : "")}on the frame it was on at {other}");
        }

        return verdict;
    }

    /// <summary>The XNU region of a step, or null (a violation) where the task does not map the buffer.</summary>
    public static XnuRegion? Region(this ClaimVerdict verdict, ForkInheritRun run, string step) =>
        Mapped(verdict, run, step) ? run.Step(step).XnuRegion : null;

    /// <summary>
    /// The parent kept its own data: after the child's write it reads its own last write, and
    /// no longer its first fill (a control: that comparison must find a difference).
    /// </summary>
    public static ClaimVerdict ParentKeepsItsData(this ClaimVerdict verdict, ForkInheritRun run) =>
        verdict
            .Reads(run, run.Content.ParentAfterChildWrite.ParentAgain, $"{ParentAfterChildWrite}: the parent", "its own last write")
            .DoesNotRead(run, run.Content.ParentAfterChildWrite.FirstFill, $"{ParentAfterChildWrite}: the parent", "its first fill, written over since");

    static bool Mapped(ClaimVerdict verdict, ForkInheritRun run, string step)
    {
        var mapped = run.Step(step).Mapped;
        verdict.Expect(mapped, $"{step}: the {run.Step(step).Actor} does not map the buffer");
        return mapped;
    }

    /// <summary>False, with the claim left unverified, where frame numbers and map counts could not be read.</summary>
    static bool FramesKnown(ClaimVerdict verdict, ForkInheritRun run)
    {
        if (run.Kernel != Kernel.Linux || run.FramesKnown)
        {
            return true;
        }

        var why = Requires.Frames(run.Frames);
        if (!verdict.Unverified.Contains(why))
        {
            verdict.CannotTell(why);
        }

        return false;
    }
}

// ForkInheritance: what a forked child inherits of a mapping, chosen per mapping (Linux
// MAP_SHARED, MAP_PRIVATE, MADV_DONTFORK, MADV_WIPEONFORK; XNU vm_inherit and vm_allocate's
// default), and whether data written after the fork crosses it: shared is one memory, copied is
// copy-on-write until each side writes, left out is not mapped in the child, wiped reads zeros.
//
// Read in order: the claims (one sentence each, the kernel source that decides it, and the judge
// of a run), the family's one table of cases, then the spec classes, theories over that table.
// A new family writes one such file.

using System.Globalization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;
using static OolSpecs.Harness.Scenarios.ForkInheritSteps;

namespace OolSpecs.Specs.ForkInheritance;

// The claims.

/// <summary>
/// A mapping the child shares with its parent (Linux MAP_SHARED|MAP_ANONYMOUS, XNU
/// VM_INHERIT_SHARE): one memory, so each side sees the other's writes.
/// </summary>
public static class SharedClaims
{
    public static readonly Claim LinuxWritesCross = new(Kernel.Linux,
        "with a MAP_SHARED|MAP_ANONYMOUS mapping each side sees the other's writes: the child reads the parent's data at the fork and its later write, and the parent reads the child's write",
        KernelSource.Linux(LinuxFunctions.ShmemZeroSetup.Because("the mapping is one shmem object"), LinuxFunctions.DupMmap.Because("the child's VMA maps the same object")));

    public static readonly Claim LinuxSameFrames = new(Kernel.Linux,
        "both sides map the frames the parent filled: once the child has touched them, every page is the parent's frame, mapped twice",
        KernelSource.Linux(LinuxFunctions.ShmemFault, LinuxFunctions.ShmemGetFolio.Because("each page of the object is one folio, which both processes find"), LinuxFunctions.PteToPagemapEntry));

    public static readonly Claim LinuxNoPageTablesCopied = new(Kernel.Linux,
        "fork copies no page tables for a shared mapping: at the fork none of its pages is present in the child, which faults them in when it touches them",
        KernelSource.Linux(LinuxFunctions.DupMmap, LinuxFunctions.CopyPageRange, LinuxFunctions.VmaNeedsCopy.Because("a VMA without an anon_vma is left to faults")));

    public static readonly Claim XnuWritesCross = new(Kernel.Xnu,
        "with VM_INHERIT_SHARE each side sees the other's writes: the child reads the parent's data at the fork and its later write, and the parent reads the child's write",
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("VM_INHERIT_SHARE"), XnuFunctions.VmMapForkShare.Because("the child's entry references the parent's VM object")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static readonly Claim XnuSameObject = new(Kernel.Xnu,
        "from the fork on both tasks map the VM object the parent filled, SM_SHARED with two references, at every step",
        KernelSource.Xnu(XnuFunctions.VmMapForkShare.Because("both entries reference the object and are marked `is_shared`; an object the parent's own fault made needs no shadow"), XnuFunctions.VmMapRegionWalk.Because("SM_SHARED: two references, no shadow")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static ClaimVerdict WritesCross(ForkInheritRun run)
    {
        var content = run.Content;
        return new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuWritesCross : LinuxWritesCross)
            .ParentWrote(run)
            .ChildWrote(run)
            .Reads(run, content.ChildAtFork.Parent, $"{ChildAfterFork}: the child", "the parent's data")
            .DoesNotRead(run, content.ChildAtFork.Zeros, $"{ChildAfterFork}: the child", "zeros")
            .Reads(run, content.ChildAfterParentWrite.ParentAgain, $"{ParentAfterWrite}: the child", "the parent's later write")
            .DoesNotRead(run, content.ChildAfterParentWrite.AsAtFork, $"{ParentAfterWrite}: the child", "the data as it was at the fork")
            .Reads(run, content.ParentAfterChildWrite.Child, $"{ChildAfterWrite}: the parent", "the child's write")
            .DoesNotRead(run, content.ParentAfterChildWrite.ParentAgain, $"{ChildAfterWrite}: the parent", "its own last write");
    }

    /// <summary>Linux: the same frames; XNU: the same VM object.</summary>
    public static ClaimVerdict SameMemory(ForkInheritRun run) => run.Kernel == Kernel.Xnu ? SameObject(run) : SameFrames(run);

    static ClaimVerdict SameFrames(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(LinuxSameFrames);
        foreach (var step in new[] { ParentAfterWrite, ChildAfterWrite, ParentAfterChildWrite })
        {
            verdict.Present(run, step, true).SameFrames(run, step, ParentAfterFill, same: true).MapCount(run, step, 2);
        }

        return verdict;
    }

    public static ClaimVerdict NoPageTablesCopied(ForkInheritRun run) =>
        new ClaimVerdict(LinuxNoPageTablesCopied).Maps(run, ChildAfterFork, true).Present(run, ChildAfterFork, false);

    static ClaimVerdict SameObject(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(XnuSameObject);
        var filled = verdict.Region(run, ParentAfterFill);
        foreach (var step in new[] { ChildAfterFork, ParentAfterWrite, ChildAfterWrite, ParentAfterChildWrite })
        {
            if (verdict.Region(run, step) is not { } region)
            {
                continue;
            }

            verdict
                .Expect(region.Mode == XnuShareMode.SM_SHARED, $"{step}: share_mode is {region.Mode}, not SM_SHARED")
                .Expect(region.RefCount == 2, $"{step}: ref_count is {region.RefCount}, not 2")
                .Expect(filled is not null && region.EntryObject == filled.EntryObject, $"{step}: the {run.Step(step).Actor} maps another VM object than the one the parent filled");
        }

        return verdict;
    }
}

/// <summary>
/// A mapping the child gets a copy of (Linux MAP_PRIVATE, XNU VM_INHERIT_COPY and vm_allocate's
/// default): the data as it was at the fork, shared copy-on-write until a side writes; after
/// that each side's writes stay on its side.
/// </summary>
public static class CopyOnWriteClaims
{
    public static readonly Claim LinuxWritesStay = new(Kernel.Linux,
        "with a MAP_PRIVATE mapping the child reads the parent's data as it was at the fork, and after the fork neither side sees the other's writes",
        KernelSource.Linux(LinuxFunctions.DupMmap, LinuxFunctions.AnonVmaFork, LinuxFunctions.CopyPageRange, LinuxFunctions.CopyPresentPte.Because("the pages are write-protected in both"), LinuxFunctions.DoWpPage, LinuxFunctions.WpPageCopy.Because("a write to a page mapped twice copies it")));

    public static readonly Claim LinuxSharedUntilWritten = new(Kernel.Linux,
        "at the fork the child maps the parent's very frames, each mapped twice and so not exclusive; once both sides have written, their frames are distinct, each mapped once",
        KernelSource.Linux(LinuxFunctions.CopyPageRange, LinuxFunctions.VmaNeedsCopy.Because("a VMA with an anon_vma has its page tables copied"), LinuxFunctions.CopyPresentPte, LinuxFunctions.WpPageCopy, LinuxFunctions.PteToPagemapEntry));

    public static readonly Claim XnuWritesStay = new(Kernel.Xnu,
        "with VM_INHERIT_COPY the child reads the parent's data as it was at the fork, and after the fork neither side sees the other's writes",
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("VM_INHERIT_COPY"), XnuFunctions.VmObjectCopyQuickly.Because("both entries `needs_copy`, the parent's pages write-protected"), XnuFunctions.VmMapLookupAndLockObject.Because("a write through `needs_copy` makes a shadow object of the writer's own"), XnuFunctions.VmFaultInternal.Because("its fast path copies the page into it")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static readonly Claim XnuCopyOnWrite = new(Kernel.Xnu,
        "at the fork the child's region is copy-on-write on the VM object the parent filled, SM_COW with two references; once both sides have written, each maps a VM object of its own",
        KernelSource.Xnu(XnuFunctions.VmMapFork, XnuFunctions.VmObjectCopyQuickly.Because("the child's entry references the parent's object, both `needs_copy`"), XnuFunctions.VmMapLookupAndLockObject.Because("a write through `needs_copy` gives the writer a shadow"), XnuFunctions.VmObjectShadow, XnuFunctions.VmMapRegionWalk).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static readonly Claim XnuDefaultIsCopy = new(Kernel.Xnu,
        "vm_allocate'd memory is inherited as a copy unless told otherwise: its region's inheritance is VM_INHERIT_COPY",
        KernelSource.Xnu(XnuFunctions.MachVmAllocateKernel.Because("enters the range with VM_INHERIT_DEFAULT"), XnuFunctions.VmInheritDefault.Because("VM_INHERIT_COPY")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    /// <summary>VM_INHERIT_COPY in mach/vm_inherit.h.</summary>
    public const int VmInheritCopy = 1;

    public static ClaimVerdict WritesStay(ForkInheritRun run)
    {
        var content = run.Content;
        return new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuWritesStay : LinuxWritesStay)
            .ParentWrote(run)
            .ChildWrote(run)
            .Reads(run, content.ChildAtFork.Parent, $"{ChildAfterFork}: the child", "the parent's data")
            .DoesNotRead(run, content.ChildAfterParentWrite.ParentAgain, $"{ParentAfterWrite}: the child", "the parent's later write")
            .Reads(run, content.ChildAfterParentWrite.AsAtFork, $"{ParentAfterWrite}: the child", "the data as it was at the fork")
            .DoesNotRead(run, content.ParentAfterChildWrite.Child, $"{ChildAfterWrite}: the parent", "the child's write")
            .ParentKeepsItsData(run);
    }

    /// <summary>
    /// Linux: the parent's frames until written; XNU: the parent's VM object until written. "Once
    /// both sides have written" needs both writes to have happened: each writer read its back.
    /// </summary>
    public static ClaimVerdict SharedUntilWritten(ForkInheritRun run) =>
        (run.Kernel == Kernel.Xnu ? ObjectUntilWritten(run) : FramesUntilWritten(run)).ParentWrote(run).ChildWrote(run);

    static ClaimVerdict FramesUntilWritten(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(LinuxSharedUntilWritten)
            .Present(run, ChildAfterFork, true)
            .Exclusive(run, ChildAfterFork, false)
            .SameFrames(run, ChildAfterFork, ParentAfterFill, same: true)
            .MapCount(run, ChildAfterFork, 2);
        foreach (var step in new[] { ChildAfterWrite, ParentAfterChildWrite })
        {
            verdict.Present(run, step, true).Exclusive(run, step, true).MapCount(run, step, 1);
        }

        return verdict.SameFrames(run, ParentAfterChildWrite, ChildAfterWrite, same: false);
    }

    static ClaimVerdict ObjectUntilWritten(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(XnuCopyOnWrite);
        var filled = verdict.Region(run, ParentAfterFill);
        if (verdict.Region(run, ChildAfterFork) is { } atFork)
        {
            verdict
                .Expect(atFork.Mode == XnuShareMode.SM_COW, $"{ChildAfterFork}: share_mode is {atFork.Mode}, not SM_COW")
                .Expect(atFork.RefCount == 2, $"{ChildAfterFork}: ref_count is {atFork.RefCount}, not 2")
                .Expect(filled is not null && atFork.EntryObject == filled.EntryObject, $"{ChildAfterFork}: the child maps another VM object than the one the parent filled");
        }

        if (verdict.Region(run, ChildAfterWrite) is { } child && verdict.Region(run, ParentAfterChildWrite) is { } parent)
        {
            verdict.Expect(child.EntryObject != parent.EntryObject, $"{ChildAfterWrite} and {ParentAfterChildWrite}: both sides still map one VM object after both wrote");
        }

        return verdict;
    }

    public static ClaimVerdict DefaultIsCopy(ForkInheritRun run)
    {
        var verdict = new ClaimVerdict(XnuDefaultIsCopy);
        return verdict.Region(run, ParentAfterFill) is { } region
            ? verdict.Expect(region.Inheritance == VmInheritCopy, $"{ParentAfterFill}: the region's inheritance is {region.Inheritance}, not VM_INHERIT_COPY ({VmInheritCopy})")
            : verdict;
    }
}

/// <summary>A mapping left out of the child (Linux MADV_DONTFORK, XNU VM_INHERIT_NONE): a secret the child never gets.</summary>
public static class AbsentClaims
{
    public static readonly Claim LinuxNotInherited = new(Kernel.Linux,
        "a MADV_DONTFORK mapping is left out of the child: nothing is mapped at its address there, at the fork or later, and the parent's data stays its own",
        KernelSource.Linux(LinuxFunctions.MadviseVmaBehavior.Because("MADV_DONTFORK sets VM_DONTCOPY"), LinuxFunctions.DupMmap.Because("a VM_DONTCOPY VMA is not copied: its range is cleared from the child's tree")));

    public static readonly Claim XnuNotInherited = new(Kernel.Xnu,
        "a VM_INHERIT_NONE region is left out of the child: nothing is mapped at its address there, at the fork or later, and the parent's data stays its own",
        KernelSource.Xnu(XnuFunctions.VmMapFork.Because("VM_INHERIT_NONE: no entry is made in the child's map")).ReadOnlyAt(XnuTags.Xnu10002, XnuTags.Xnu11417));

    public static ClaimVerdict NotInherited(ForkInheritRun run) =>
        new ClaimVerdict(run.Kernel == Kernel.Xnu ? XnuNotInherited : LinuxNotInherited)
            .Maps(run, ChildAfterFork, false)
            .Maps(run, ChildAfterWrite, false)
            .Expect(run.Content.ChildReadsAtFork == ChildReading.Unmapped, $"{ChildAfterFork}: the child read {ForkInheritReport.Reading(run.Content.ChildReadsAtFork)}, not nothing")
            .Maps(run, ParentAfterChildWrite, true)
            .ParentKeepsItsData(run);
}

/// <summary>
/// A mapping the child gets wiped (Linux MADV_WIPEONFORK; XNU has no such inheritance:
/// mach/vm_inherit.h knows share, copy, none and donate_copy): the range is there, zero-filled,
/// which is how a random number generator's state is kept from being repeated in a child.
/// </summary>
public static class WipedClaims
{
    public static readonly Claim ChildSeesZeros = new(Kernel.Linux,
        "a MADV_WIPEONFORK mapping is in the child but wiped: mapped with no page present, it reads zeros, before and after the parent writes again",
        KernelSource.Linux(LinuxFunctions.MadviseVmaBehavior.Because("MADV_WIPEONFORK sets VM_WIPEONFORK"), LinuxFunctions.DupMmap.Because("such a VMA gets no anon_vma and no `copy_page_range`"), LinuxFunctions.DoAnonymousPage.Because("a first touch is zero-filled")));

    public static readonly Claim ChildWritesStayInChild = new(Kernel.Linux,
        "the child's writes to a MADV_WIPEONFORK mapping go to new frames of its own, each mapped once, and never reach the parent, whose data stays its own",
        KernelSource.Linux(LinuxFunctions.DoAnonymousPage.Because("a new folio for the child's VMA, which shares no anon_vma with the parent's"), LinuxFunctions.PteToPagemapEntry));

    public static ClaimVerdict SeesZeros(ForkInheritRun run)
    {
        var content = run.Content;
        return new ClaimVerdict(ChildSeesZeros)
            .ParentWrote(run)
            .Maps(run, ChildAfterFork, true)
            .Present(run, ChildAfterFork, false)
            .Reads(run, content.ChildAtFork.Zeros, $"{ChildAfterFork}: the child", "zeros")
            .DoesNotRead(run, content.ChildAtFork.Parent, $"{ChildAfterFork}: the child", "the parent's data")
            .DoesNotRead(run, content.ChildAfterParentWrite.ParentAgain, $"{ParentAfterWrite}: the child", "the parent's later write")
            .Reads(run, content.ChildAfterParentWrite.AsAtFork, $"{ParentAfterWrite}: the child", "zeros still");
    }

    public static ClaimVerdict WritesStayInChild(ForkInheritRun run) =>
        new ClaimVerdict(ChildWritesStayInChild)
            .ChildWrote(run)
            .DoesNotRead(run, run.Content.ParentAfterChildWrite.Child, $"{ChildAfterWrite}: the parent", "the child's write")
            .ParentKeepsItsData(run)
            .Present(run, ChildAfterWrite, true)
            .Exclusive(run, ChildAfterWrite, true)
            .MapCount(run, ChildAfterWrite, 1)
            .SameFrames(run, ChildAfterWrite, ParentAfterChildWrite, same: false);
}

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
    public static ClaimVerdict Present(this ClaimVerdict verdict, ForkInheritRun run, string step, bool present) =>
        verdict.EveryPage(run, step, needsFrames: false, page => page.Present == present, _ => $"is {(present ? "not " : "")}present");

    /// <summary>Every page of a Linux step is (or is not) exclusively mapped.</summary>
    public static ClaimVerdict Exclusive(this ClaimVerdict verdict, ForkInheritRun run, string step, bool exclusive) =>
        verdict.EveryPage(run, step, needsFrames: false, page => page.Exclusive == exclusive, _ => $"is {(exclusive ? "not " : "")}exclusively mapped");

    /// <summary>Every page of a Linux step has this map count.</summary>
    public static ClaimVerdict MapCount(this ClaimVerdict verdict, ForkInheritRun run, string step, ulong count) =>
        verdict.EveryPage(run, step, needsFrames: true, page => page.MapCount == count,
            page => $"has map count {page.MapCount?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}, not {count}");

    /// <summary>Each page of a mapped Linux step holds <paramref name="holds"/>; a page that does not is named with what it <paramref name="is"/>.</summary>
    static ClaimVerdict EveryPage(this ClaimVerdict verdict, ForkInheritRun run, string step, bool needsFrames, Func<LinuxPage, bool> holds, Func<LinuxPage, string> @is)
    {
        if ((needsFrames && !FramesKnown(verdict, run)) || !Mapped(verdict, run, step))
        {
            return verdict;
        }

        var pages = run.Step(step).LinuxPages;
        for (var i = 0; i < pages.Count; i++)
        {
            verdict.Expect(holds(pages[i]), $"{step}: page {i} {@is(pages[i])}");
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

// The one table of cases.

/// <summary>
/// One mode of fork-inherit: the harness's row (probe word, kernel, setup in words), the exact
/// allocation, the checks a run of it is judged by, and what breaks if the kernel gets it wrong.
/// </summary>
public sealed record InheritanceCase(KernelRow<InheritMode> Row, string Allocation, IReadOnlyList<Check<ForkInheritRun>> Checks, string Security)
    : KernelRowCase<InheritMode, ForkInheritRun>(Row, Allocation, Checks, Security)
{
    public override ProbeScenario<ForkInheritRun> ScenarioFor(bool withoutCapSysAdmin) => new ForkInheritScenario(Row.Way, WithoutCapSysAdmin: withoutCapSysAdmin);
}

/// <summary>
/// The one table of fork-inherit cases, as Linux's cow.c has anon_test_cases[]: per mode, the
/// allocation and the claims it falls under. The parent fills two pages, forks, writes again;
/// the child reads and writes (see <see cref="ForkInheritanceSpec"/>).
/// </summary>
public static class InheritanceCases
{
    /// <summary>VM_INHERIT_COPY, given explicitly or by vm_allocate's default.</summary>
    static readonly IReadOnlyList<Check<ForkInheritRun>> XnuCopied =
    [
        new(CopyOnWriteClaims.XnuWritesStay, CopyOnWriteClaims.WritesStay),
        new(CopyOnWriteClaims.XnuCopyOnWrite, CopyOnWriteClaims.SharedUntilWritten),
    ];

    const string CopyOnWriteBroken =
        "a copy-on-write page the child can still write through into the parent is DirtyCOW-like corruption; a parent write that shows in the child leaks what the parent writes after forking";

    public static readonly IReadOnlyList<InheritanceCase> All =
    [
        new(InheritModes.All.Of(InheritMode.Default), PageBuffers.Xnu(),
            [.. XnuCopied, new(CopyOnWriteClaims.XnuDefaultIsCopy, CopyOnWriteClaims.DefaultIsCopy)],
            "memory allocated without a word about inheritance that a child shared instead of copying would let every forked child write its parent's heap"),
        new(InheritModes.All.Of(InheritMode.Share), PageBuffers.Xnu("VM_INHERIT_SHARE"),
            [new(SharedClaims.XnuWritesCross, SharedClaims.WritesCross), new(SharedClaims.XnuSameObject, SharedClaims.SameMemory)],
            "a region meant to be shared that is silently copied leaves parent and child acting on stale data: a lock or queue index written on one side is lost on the other"),
        new(InheritModes.All.Of(InheritMode.Copy), PageBuffers.Xnu("VM_INHERIT_COPY"), XnuCopied, CopyOnWriteBroken),
        new(InheritModes.All.Of(InheritMode.None), PageBuffers.Xnu("VM_INHERIT_NONE"),
            [new(AbsentClaims.XnuNotInherited, AbsentClaims.NotInherited)],
            "a VM_INHERIT_NONE region that is mapped in the child anyway hands keys the parent kept back to a child that may exec less trusted code"),
        new(InheritModes.All.Of(InheritMode.Private), PageBuffers.Linux("MAP_PRIVATE"),
            [new(CopyOnWriteClaims.LinuxWritesStay, CopyOnWriteClaims.WritesStay), new(CopyOnWriteClaims.LinuxSharedUntilWritten, CopyOnWriteClaims.SharedUntilWritten)],
            CopyOnWriteBroken),
        new(InheritModes.All.Of(InheritMode.Shared), PageBuffers.Linux("MAP_SHARED"),
            [
                new(SharedClaims.LinuxWritesCross, SharedClaims.WritesCross),
                new(SharedClaims.LinuxSameFrames, SharedClaims.SameMemory),
                new(SharedClaims.LinuxNoPageTablesCopied, SharedClaims.NoPageTablesCopied),
            ],
            "a shared mapping that is silently copied leaves parent and child acting on stale data: a lock or queue index written on one side is lost on the other"),
        new(InheritModes.All.Of(InheritMode.DontFork), PageBuffers.Linux("MAP_PRIVATE", "MADV_DONTFORK"),
            [new(AbsentClaims.LinuxNotInherited, AbsentClaims.NotInherited)],
            "MADV_DONTFORK memory (keys, buffers a device writes by DMA) inherited anyway hands the child the parent's secrets or pages a device still writes"),
        new(InheritModes.All.Of(InheritMode.WipeOnFork), PageBuffers.Linux("MAP_PRIVATE", "MADV_WIPEONFORK"),
            [new(WipedClaims.ChildSeesZeros, WipedClaims.SeesZeros), new(WipedClaims.ChildWritesStayInChild, WipedClaims.WritesStayInChild)],
            "MADV_WIPEONFORK memory that reaches the child unwiped repeats the parent's random number generator state or keys in the child: two processes then draw the same random numbers"),
    ];
}

// The specs: theories over the table of cases.

/// <summary>
/// What a forked child inherits is chosen per mapping, and decides whether data written after
/// the fork is seen across it. The parent fills two pages and forks; the child reads; the parent
/// writes again; the child reads and writes; the parent reads:
/// <code>
/// oolprobe fork-inherit --mode private --pages 2      Linux  mmap(MAP_PRIVATE|MAP_ANONYMOUS) between guard pages
/// oolprobe fork-inherit --mode wipeonfork --pages 2   Linux  the same, then madvise(MADV_WIPEONFORK)
/// oolprobe fork-inherit --mode share --pages 2        XNU    vm_allocate(VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1)), vm_inherit(VM_INHERIT_SHARE)
/// </code>
/// (every mode, its allocation and claims: <see cref="InheritanceCases"/>). A shared mapping is
/// one memory: each side sees the other's writes. A copied one (Linux MAP_PRIVATE, XNU
/// VM_INHERIT_COPY, vm_allocate's default) gives the child the data as it was at the fork, shared
/// copy-on-write until each side writes. One left out (MADV_DONTFORK, VM_INHERIT_NONE) is not
/// mapped in the child. A wiped one (MADV_WIPEONFORK; XNU has none) is mapped but reads zeros.
/// <para>Each spec is a theory over the rows of the claims it names; a row of the other kernel
/// is skipped naming the kernel it needs. On Linux every Linux row runs for real, as root and
/// once more without CAP_SYS_ADMIN; the XNU claims cite the XNU source they follow, and wait for
/// a Mac to be observed.</para>
/// </summary>
public sealed class ForkInheritanceSpec
{
    static Claim[] WritesCross => [SharedClaims.LinuxWritesCross, SharedClaims.XnuWritesCross];
    static Claim[] SameMemory => [SharedClaims.LinuxSameFrames, SharedClaims.XnuSameObject];
    static Claim[] WritesStay => [CopyOnWriteClaims.LinuxWritesStay, CopyOnWriteClaims.XnuWritesStay];
    static Claim[] SharedUntilWritten => [CopyOnWriteClaims.LinuxSharedUntilWritten, CopyOnWriteClaims.XnuCopyOnWrite];
    static Claim[] NotInherited => [AbsentClaims.LinuxNotInherited, AbsentClaims.XnuNotInherited];

    public static TheoryData<string> WritesCrossRows => InheritanceCases.All.Under(WritesCross);

    public static TheoryData<string> SameMemoryRows => InheritanceCases.All.Under(SameMemory);

    public static TheoryData<string> NoPageTablesRows => InheritanceCases.All.Under(SharedClaims.LinuxNoPageTablesCopied);

    public static TheoryData<string> WritesStayRows => InheritanceCases.All.Under(WritesStay);

    public static TheoryData<string> SharedUntilWrittenRows => InheritanceCases.All.Under(SharedUntilWritten);

    public static TheoryData<string> DefaultIsCopyRows => InheritanceCases.All.Under(CopyOnWriteClaims.XnuDefaultIsCopy);

    public static TheoryData<string> NotInheritedRows => InheritanceCases.All.Under(NotInherited);

    public static TheoryData<string> SeesZerosRows => InheritanceCases.All.Under(WipedClaims.ChildSeesZeros);

    public static TheoryData<string> WritesStayInChildRows => InheritanceCases.All.Under(WipedClaims.ChildWritesStayInChild);

    public static TheoryData<string> EveryRow => InheritanceCases.All.Matching(_ => true);

    public static TheoryData<string> LinuxRows => InheritanceCases.All.Matching(row => row.Kernel == Kernel.Linux);

    [SkippableTheory]
    [MemberData(nameof(WritesCrossRows))]
    public void With_a_shared_mapping_each_side_sees_the_others_writes(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(WritesCross));

    [SkippableTheory]
    [MemberData(nameof(SameMemoryRows))]
    public void With_a_shared_mapping_both_sides_map_the_same_memory(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(SameMemory));

    [SkippableTheory]
    [MemberData(nameof(NoPageTablesRows))]
    public void Fork_copies_no_page_tables_for_a_shared_mapping_so_the_child_faults_its_pages_in(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(SharedClaims.LinuxNoPageTablesCopied));

    [SkippableTheory]
    [MemberData(nameof(WritesStayRows))]
    public void With_a_copied_mapping_the_child_reads_the_data_of_the_fork_and_neither_side_sees_later_writes(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(WritesStay));

    [SkippableTheory]
    [MemberData(nameof(SharedUntilWrittenRows))]
    public void A_copied_mapping_is_shared_copy_on_write_until_each_side_writes(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(SharedUntilWritten));

    [SkippableTheory]
    [MemberData(nameof(DefaultIsCopyRows))]
    public void Vm_allocate_memory_is_inherited_as_a_copy_unless_told_otherwise(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(CopyOnWriteClaims.XnuDefaultIsCopy));

    [SkippableTheory]
    [MemberData(nameof(NotInheritedRows))]
    public void A_mapping_left_out_is_not_mapped_in_the_child_at_all(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(NotInherited));

    [SkippableTheory]
    [MemberData(nameof(SeesZerosRows))]
    public void A_wiped_mapping_is_mapped_in_the_child_but_reads_zeros(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(WipedClaims.ChildSeesZeros));

    [SkippableTheory]
    [MemberData(nameof(WritesStayInChildRows))]
    public void The_childs_writes_to_a_wiped_mapping_never_reach_the_parent(string mode) =>
        ClaimAssert.Holds(Row(mode).Judged(WipedClaims.ChildWritesStayInChild));

    [SkippableTheory]
    [MemberData(nameof(EveryRow))]
    public void The_whole_run_matches_the_approved_snapshot(string mode) => Snapshot.Matches(Row(mode).OnThisKernel());

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void Without_the_capability_to_read_frames_they_are_reported_unknown_and_every_other_fact_is_still_judged(string mode)
    {
        var row = Row(mode);
        var run = row.Run(withoutCapSysAdmin: true);

        WithoutFrames.ReportedUnknown(run, run.Steps.Where(s => s.Mapped).SelectMany(s => s.LinuxPages));
        var verdicts = row.JudgeAll(run);
        WithoutFrames.OnlyFramesUnverified(verdicts, run.Frames);

        verdicts.Any(v => v.Unverified.Count > 0).Should().Be(
            run.Step(ForkInheritSteps.ChildAfterFork).Mapped, "a claim about frames is left unverified, never passed; a child that maps nothing has no frames to claim");
    }

    [SkippableTheory]
    [MemberData(nameof(LinuxRows))]
    public void The_run_without_frames_matches_its_approved_snapshot(string mode) =>
        Snapshot.Matches(Row(mode).OnThisKernel(withoutCapSysAdmin: true));

    static InheritanceCase Row(string description) => InheritanceCases.All.Described(description);
}

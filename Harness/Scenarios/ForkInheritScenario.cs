using System.Text.Json.Serialization;
using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Probe;
using OolSpecs.Harness.Rendering;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// What a forked child inherits of one mapping, set up as <see cref="Mode"/> says: the parent
/// fills it and forks; the child looks and reads; the parent writes again; the child reads,
/// writes and looks; the parent looks and reads. <c>WithoutCapSysAdmin</c> runs it with
/// that capability dropped (Linux), where frame numbers and map counts cannot be read.
/// </summary>
public sealed record ForkInheritScenario(InheritMode Mode, int Pages = ForkInheritScenario.DefaultPages, bool WithoutCapSysAdmin = false)
    : FramesScenario<ForkInheritRun>(WithoutCapSysAdmin)
{
    public const string FamilyName = "ForkInheritance";

    /// <summary>Two pages, so that a claim about "every page" is about more than one.</summary>
    public const int DefaultPages = 2;

    [Observed("fork-inherit", "what a forked child inherits of a mapping, for every mode this kernel has")]
    public static IEnumerable<IScenario> EveryMode => InheritModes.All.Select(row => new ForkInheritScenario(row.Way));

    /// <summary>The mode's row of <see cref="InheritModes"/>: its kernel and words.</summary>
    public KernelRow<InheritMode> Row => InheritModes.All.Of(Mode);

    public override string Family => FamilyName;

    protected override string CaseWithFrames => Row.Word + (Pages == DefaultPages ? "" : $"-{Pages}-pages");

    public override IReadOnlyList<Kernel> Kernels => [Row.Kernel];

    public override IReadOnlyList<string> Arguments => [.. InheritModes.All.ArgumentsOf(Row), "--pages", Normalise.Count(Pages)];

    public override string Render(ForkInheritRun observation) => ForkInheritReport.Render(observation, Row, Command);
}

/// <summary>The modes of `oolprobe fork-inherit` (Native/src/fork_inherit.c's modes[]): kernel and setup in words.</summary>
public static class InheritModes
{
    public static readonly KernelRows<InheritMode> All = new("fork-inherit", "--mode",
    [
        new(InheritMode.Default, Kernel.Xnu, "vm_allocate, VM_INHERIT_DEFAULT"),
        new(InheritMode.Share, Kernel.Xnu, "vm_inherit VM_INHERIT_SHARE"),
        new(InheritMode.Copy, Kernel.Xnu, "vm_inherit VM_INHERIT_COPY"),
        new(InheritMode.None, Kernel.Xnu, "vm_inherit VM_INHERIT_NONE"),
        new(InheritMode.Private, Kernel.Linux, "MAP_PRIVATE|MAP_ANONYMOUS"),
        new(InheritMode.Shared, Kernel.Linux, "MAP_SHARED|MAP_ANONYMOUS"),
        new(InheritMode.DontFork, Kernel.Linux, "MAP_PRIVATE, madvise MADV_DONTFORK"),
        new(InheritMode.WipeOnFork, Kernel.Linux, "MAP_PRIVATE, madvise MADV_WIPEONFORK"),
    ]);
}

/// <summary>
/// How `oolprobe fork-inherit` sets its buffer up before the fork: each member is one kernel's
/// way of choosing what a child inherits. Which kernel has it is <see cref="InheritModes"/>'s
/// table; what the child is to get, the specs' ForkInheritance case table.
/// </summary>
public enum InheritMode
{
    /// <summary>XNU: vm_allocate, inheritance left as vm_allocate gives it.</summary>
    [ProbeWord("default")] Default,
    /// <summary>XNU: vm_allocate, then vm_inherit(VM_INHERIT_SHARE).</summary>
    [ProbeWord("share")] Share,
    /// <summary>XNU: vm_allocate, then vm_inherit(VM_INHERIT_COPY).</summary>
    [ProbeWord("copy")] Copy,
    /// <summary>XNU: vm_allocate, then vm_inherit(VM_INHERIT_NONE).</summary>
    [ProbeWord("none")] None,
    /// <summary>Linux: mmap(MAP_PRIVATE|MAP_ANONYMOUS).</summary>
    [ProbeWord("private")] Private,
    /// <summary>Linux: mmap(MAP_SHARED|MAP_ANONYMOUS).</summary>
    [ProbeWord("shared")] Shared,
    /// <summary>Linux: MAP_PRIVATE, then madvise(MADV_DONTFORK).</summary>
    [ProbeWord("dontfork")] DontFork,
    /// <summary>Linux: MAP_PRIVATE, then madvise(MADV_WIPEONFORK).</summary>
    [ProbeWord("wipeonfork")] WipeOnFork,
}

/// <summary>What a forked child read in the buffer right after the fork, as `oolprobe fork-inherit` words it.</summary>
public enum ChildReading
{
    /// <summary>The parent's data as it was at the fork.</summary>
    [ProbeWord("parent")] ParentsData,
    [ProbeWord("zeros")] Zeros,
    /// <summary>Neither: bytes nobody wrote.</summary>
    [ProbeWord("other")] Other,
    /// <summary>The child maps nothing at the buffer's address, so it read nothing.</summary>
    [ProbeWord("unmapped")] Unmapped,
}

/// <summary>
/// A fork-inherit run as stable Markdown: a summary table one row a step, each step's facts,
/// then what each side read. Frames and VM objects are lettered, addresses are page offsets
/// from the buffer, and nothing carries a pid or an address.
/// </summary>
public static class ForkInheritReport
{
    public static string Render(ForkInheritRun run, KernelRow<InheritMode> row, string command)
    {
        var xnu = run.Kernel == Kernel.Xnu;
        var report = new MarkdownReport().Heading(1, $"Fork inheritance on {run.Kernel.Title()}: {row.Description}");
        report.Paragraph(
            $"`{command}`: {run.Pages} page(s) of {run.PageSize / 1024} KiB, set up with {run.Setup}. " +
            "The parent fills the buffer and forks; the child looks and reads; the parent writes again; the child reads, writes and looks; the parent looks and reads. " +
            ForkReports.Sources(xnu) + " A process that does not map the buffer has no facts at that step.");
        if (!xnu && run.Steps.Any(step => step.Mapped && step.LinuxPages.Any(page => page.FileOrShared)))
        {
            report.Paragraph("These are shared memory (shmem) pages: for them \"exclusively mapped\" means mapped by one process only.");
        }

        if (run.Frames is { Available: false })
        {
            report.Paragraph(ForkReports.FramesUnknown);
        }

        if (ForkReports.Pinning(run.Steps.Where(s => s.Mapped).Select(s => (s.CpusAllowed, s.PinnedCpu))) is { } pinning)
        {
            report.Paragraph(pinning);
        }

        var identities = new IdentityLabels();
        var headers = xnu ? [.. ForkReports.XnuHeaders, "object"] : ForkReports.LinuxHeaders;
        KeyTableOn(run.Kernel).Write(
            report,
            run.Steps.Select((step, i) => (IReadOnlyList<string>)
            [
                $"{i + 1}. {step.Step}", step.Actor, Normalise.YesNo(step.Mapped),
                .. !step.Mapped ? ForkReports.Nothing(headers)
                    : xnu ? [.. ForkReports.Xnu(step.XnuRegion), XnuRegionFacts.ObjectName(step.XnuRegion, identities)]
                    : ForkReports.Linux(step.LinuxPages, identities),
            ]));

        var number = 0;
        foreach (var step in run.Steps)
        {
            report.Heading(2, $"{++number}. {step.Step} ({step.Actor})");
            if (!step.Mapped)
            {
                report.Paragraph($"The {step.Actor} has nothing mapped at the buffer's address.");
                continue;
            }

            report.Facts(xnu
                ? XnuRegionFacts.Of(step.XnuRegion, run.Buffer, run.PageSize, identities)
                : LinuxPageFacts.Of(step.LinuxPages, step.LinuxVma, run.Buffer, run.PageSize, identities));
        }

        var content = run.Content;
        var childMaps = run.Step(ForkInheritSteps.ChildAfterFork).Mapped;
        var noChild = childMaps ? "not checked" : "the child does not map the buffer";
        var notAsAtFork = childMaps ? "the child read neither the parent's data nor zeros at the fork" : noChild;
        report.Heading(2, "Content");
        report.Paragraph("What each side read back, after looking (reading may fault pages in). A check compares every byte of the buffer with one writer's pattern, or with zeros, and names the first that differed.");
        report.Facts(
        [
            ("the child reads at the fork", Reading(content.ChildReadsAtFork)),
            ("at the fork the child reads the parent's fill", ContentFacts.Of(content.ChildAtFork.Parent, noChild)),
            ("at the fork the child reads zeros", ContentFacts.Of(content.ChildAtFork.Zeros, noChild)),
            ("the child sees the parent's later write", Verdict(content.ChildSeesParentWrite)),
            ("the parent reads back its own write", ContentFacts.Of(content.ReadBack.Parent, "not checked")),
            ("after the parent's write the child reads it", ContentFacts.Of(content.ChildAfterParentWrite.ParentAgain, noChild)),
            ("after the parent's write the child reads what it read at the fork", ContentFacts.Of(content.ChildAfterParentWrite.AsAtFork, notAsAtFork)),
            ("the child reads back its own write", ContentFacts.Of(content.ReadBack.Child, noChild)),
            ("the parent sees the child's write", Verdict(content.ParentSeesChildWrite)),
            ("after the child's write the parent reads it", ContentFacts.Of(content.ParentAfterChildWrite.Child, noChild)),
            ("after the child's write the parent reads its own last write", ContentFacts.Of(content.ParentAfterChildWrite.ParentAgain, "not checked")),
            ("control: after the child's write the parent reads its first fill", ContentFacts.Of(content.ParentAfterChildWrite.FirstFill, "not checked")),
        ], "check", "result");

        return report.ToString();
    }

    public static string Reading(ChildReading reading) => reading switch
    {
        ChildReading.ParentsData => "the parent's data",
        ChildReading.Zeros => "zeros",
        ChildReading.Other => "neither the parent's data nor zeros",
        ChildReading.Unmapped => "nothing: it does not map the buffer",
        _ => reading.ToString(),
    };

    static string Verdict(bool? seen) => seen is { } yes ? Normalise.YesNo(yes) : "-";

    /// <summary>The summary, one row a step: what the behaviour matrix compares across releases.</summary>
    [DeclaresKeyTable(typeof(ForkInheritScenario))]
    public static KeyTable KeyTableOn(Kernel kernel) =>
        KeyTable.Steps("Summary", ["step", "actor", "mapped", .. kernel == Kernel.Xnu ? [.. ForkReports.XnuHeaders, "object"] : ForkReports.LinuxHeaders]);
}

/// <summary>
/// What `oolprobe fork-inherit` reports: the parent maps and fills a buffer as
/// <see cref="Mode"/> says, forks, and writes again; the child reads, then writes. Each of the
/// five steps says whether its process mapped the buffer and, if it did, how it was backed;
/// <see cref="Content"/> says what each side read of the other's writes.
/// </summary>
[ProbeOutput("fork-inherit")]
public sealed record ForkInheritRun(
    string Scenario,
    Kernel Kernel,
    InheritMode Mode,
    string Setup,
    string Description,
    long PageSize,
    int Pages,
    ulong Buffer,
    IReadOnlyList<ForkInheritStep> Steps,
    ForkInheritContent Content,
    FrameAvailability? Frames = null) : IReportsFrames
{
    public ForkInheritStep Step(string name) => Steps.Named(name, "The fork-inherit run");

    /// <summary>False where the process lacked CAP_SYS_ADMIN (Linux): frames and map counts are then unknown.</summary>
    public bool FramesKnown => Frames?.Available ?? false;

    /// <summary>The buffer's size in bytes.</summary>
    public long Bytes => Pages * PageSize;
}

/// <summary>
/// One step. Where <see cref="Mapped"/> is false the process has nothing at the buffer's
/// address and no facts follow; otherwise on XNU <see cref="Region"/> is set, on Linux
/// <see cref="PageStates"/> and <see cref="Vma"/>, and the CPUs the process was allowed to run on.
/// </summary>
public sealed record ForkInheritStep(
    string Step,
    string Actor,
    bool Mapped,
    XnuRegion? Region = null,
    [property: JsonPropertyName("pages")] IReadOnlyList<LinuxPage>? PageStates = null,
    LinuxVma? Vma = null,
    int? CpusAllowed = null,
    int? PinnedCpu = null) : INamedStep
{
    public XnuRegion XnuRegion => Region ?? throw new InvalidOperationException($"Step '{Step}' has no XNU region: {Missing}.");

    public IReadOnlyList<LinuxPage> LinuxPages => PageStates ?? throw new InvalidOperationException($"Step '{Step}' has no Linux pages: {Missing}.");

    public LinuxVma LinuxVma => Vma ?? throw new InvalidOperationException($"Step '{Step}' has no Linux VMA: {Missing}.");

    string Missing => Mapped ? "this run is from the other kernel" : $"the {Actor} does not map the buffer";
}

/// <summary>
/// What each side read. A check is null where it could not apply: a child that maps nothing
/// reads nothing, and the child's reading "as at the fork" needs it to have read the parent's
/// data or zeros. The verdicts (<see cref="ChildSeesParentWrite"/>, <see cref="ParentSeesChildWrite"/>)
/// are null for the same reason. <see cref="ReadBack"/> is each side's own write, read back right
/// after it was made.
/// </summary>
public sealed record ForkInheritContent(
    ChildReading ChildReadsAtFork,
    ChildAtForkChecks ChildAtFork,
    bool? ChildSeesParentWrite,
    ChildAfterParentWriteChecks ChildAfterParentWrite,
    bool? ParentSeesChildWrite,
    ParentAfterChildWriteChecks ParentAfterChildWrite,
    ReadBacks ReadBack);

/// <summary>The child's reading right after the fork: the parent's fill, and zeros.</summary>
public sealed record ChildAtForkChecks(ContentCheck? Parent, ContentCheck? Zeros);

/// <summary>The child's reading after the parent wrote again: that write, and what it read at the fork.</summary>
public sealed record ChildAfterParentWriteChecks(ContentCheck? ParentAgain, ContentCheck? AsAtFork);

/// <summary>
/// The parent's reading after the child wrote: the child's write, the parent's own last write,
/// and (a control, which must differ) the parent's first fill, written over since.
/// </summary>
public sealed record ParentAfterChildWriteChecks(ContentCheck? Child, ContentCheck? ParentAgain, ContentCheck? FirstFill);

/// <summary>The step names of fork-inherit, in the order they happen.</summary>
public static class ForkInheritSteps
{
    public const string ParentAfterFill = "parent-after-fill";
    public const string ChildAfterFork = "child-after-fork";
    public const string ParentAfterWrite = "parent-after-write";
    public const string ChildAfterWrite = "child-after-write";
    public const string ParentAfterChildWrite = "parent-after-child-write";

    public static readonly IReadOnlyList<string> InOrder =
        [ParentAfterFill, ChildAfterFork, ParentAfterWrite, ChildAfterWrite, ParentAfterChildWrite];
}

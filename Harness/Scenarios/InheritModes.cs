using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// What a child is to get of a mapping, in the four ways the ForkInheritance claim classes
/// are named after.
/// </summary>
public enum InheritOutcome
{
    /// <summary>Both map the same memory: each sees the other's writes.</summary>
    Shared,
    /// <summary>The child gets the data as it was at the fork; later writes stay on their side.</summary>
    CopyOnWrite,
    /// <summary>The child has nothing mapped at the address.</summary>
    Absent,
    /// <summary>The child has the range mapped, zero-filled; its writes are its own.</summary>
    Wiped,
}

/// <summary>
/// One mode of `oolprobe fork-inherit`: the kernel that has it, the outcome (claim class) it
/// falls under, and the setup in words. Specs name a mode by its <see cref="Description"/>.
/// </summary>
public sealed record InheritModeRow(InheritMode Mode, Kernel Kernel, InheritOutcome Outcome, string Setup)
{
    /// <summary>The probe's --mode word.</summary>
    public string Word => ProbeWords.Of(Mode);

    /// <summary>The mode in words, e.g. "shared (MAP_SHARED|MAP_ANONYMOUS)".</summary>
    public string Description => $"{Word} ({Setup})";

    public override string ToString() => Description;
}

/// <summary>
/// The one table of fork-inherit's modes. It lives in the harness because the harness needs
/// it first: a scenario runs on its mode's kernel, `oolspecs observe fork-inherit` prints the
/// running kernel's modes, and a snapshot is titled with the mode in words. The specs pick
/// their theory rows and claim class from the same rows; what each class claims stays in the
/// specs (as with <see cref="ArticleCase"/>).
/// </summary>
public static class InheritModes
{
    public static readonly IReadOnlyList<InheritModeRow> All =
    [
        new(InheritMode.Default, Kernel.Xnu, InheritOutcome.CopyOnWrite, "vm_allocate, VM_INHERIT_DEFAULT"),
        new(InheritMode.Share, Kernel.Xnu, InheritOutcome.Shared, "vm_inherit VM_INHERIT_SHARE"),
        new(InheritMode.Copy, Kernel.Xnu, InheritOutcome.CopyOnWrite, "vm_inherit VM_INHERIT_COPY"),
        new(InheritMode.None, Kernel.Xnu, InheritOutcome.Absent, "vm_inherit VM_INHERIT_NONE"),
        new(InheritMode.Private, Kernel.Linux, InheritOutcome.CopyOnWrite, "MAP_PRIVATE|MAP_ANONYMOUS"),
        new(InheritMode.Shared, Kernel.Linux, InheritOutcome.Shared, "MAP_SHARED|MAP_ANONYMOUS"),
        new(InheritMode.DontFork, Kernel.Linux, InheritOutcome.Absent, "MAP_PRIVATE, madvise MADV_DONTFORK"),
        new(InheritMode.WipeOnFork, Kernel.Linux, InheritOutcome.Wiped, "MAP_PRIVATE, madvise MADV_WIPEONFORK"),
    ];

    public static InheritModeRow Of(InheritMode mode) =>
        All.SingleOrDefault(row => row.Mode == mode)
        ?? throw new ArgumentOutOfRangeException(nameof(mode), mode, "The fork-inherit table has no row for this mode.");

    /// <summary>The row a spec names, e.g. "shared (MAP_SHARED|MAP_ANONYMOUS)".</summary>
    public static InheritModeRow Described(string description) =>
        All.SingleOrDefault(row => row.Description == description)
        ?? throw new ArgumentException($"No fork-inherit mode is described as '{description}'; the modes are: {string.Join("; ", All)}.", nameof(description));

    /// <summary>The modes a kernel has, in table order.</summary>
    public static IEnumerable<InheritModeRow> On(Kernel kernel) => All.Where(row => row.Kernel == kernel);
}

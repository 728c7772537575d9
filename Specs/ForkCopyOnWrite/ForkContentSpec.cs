namespace OolSpecs.Specs.ForkCopyOnWrite;

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

    public static TheoryData<string> ChildReadsRows => ForkCowCases.All.UnderAny(ChildReads);

    public static TheoryData<string> ParentNeverReadsRows => ForkCowCases.All.UnderAny(ParentNeverReads);

    public static TheoryData<string> ChildNeverReadsRows => ForkCowCases.All.UnderAny(ChildNeverReads);

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

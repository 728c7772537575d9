using OolSpecs.Harness.Scenarios;

namespace OolSpecs.Specs.ForkCopyOnWrite;

/// <summary>
/// What parent and child read back: the child reads the parent's data as it was at the fork,
/// the parent never reads what the child writes, and the child never reads what the parent
/// writes later, whether the child wrote every page or only the first. A mismatch names the
/// offset and both bytes.
/// </summary>
public sealed class ForkContentSpec
{
    static readonly IReadOnlyDictionary<string, ForkCowScenario> Walks = new Dictionary<string, ForkCowScenario>
    {
        ["one page, written by the child"] = new(),
        ["four pages, the child writes the first"] = ForkCowScenario.PartlyWrittenByTheChild,
    };

    public static TheoryData<string> EveryWalk => [.. Walks.Keys];

    [SkippableTheory]
    [MemberData(nameof(EveryWalk))]
    public void The_child_reads_the_parents_data_as_it_was_at_the_fork(string walk) =>
        ClaimAssert.Holds(ForkContentClaims.ChildReadsParentData(Observed.Of(Walks[walk])));

    [SkippableTheory]
    [MemberData(nameof(EveryWalk))]
    public void The_parent_never_reads_what_the_child_writes(string walk) =>
        ClaimAssert.Holds(ForkContentClaims.ParentNeverReadsChildWrite(Observed.Of(Walks[walk])));

    [SkippableTheory]
    [MemberData(nameof(EveryWalk))]
    public void The_child_never_reads_what_the_parent_writes_after_the_fork(string walk) =>
        ClaimAssert.Holds(ForkContentClaims.ChildNeverReadsParentWrite(Observed.Of(Walks[walk])));
}

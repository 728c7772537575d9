using OolSpecs.Harness.Observations;
using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.ForkInheritance;

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

using OolSpecs.Harness.Scenarios;
using OolSpecs.Harness.Words;

namespace OolSpecs.Specs.OolTransfer;

/// <summary>
/// One OOL case: a kind of memory sent as one of the article's eight cases (a copy option, 1 page
/// or 16, kept or deallocated), with its exact allocation, the probe command, the copy path the
/// source says it takes (two for a large malloc'ed block, whose region's tag decides) and every
/// check it falls under.
/// </summary>
public sealed record OolTransferCase(OolCase Case, IReadOnlyList<CopyPathOutcome> Paths) : ISpecCase
{
    public string Description => Case.Description;

    public Kernel Kernel => Kernel.Xnu;

    public MemoryKind Memory => Case.Memory;

    public string Allocation => Allocations.Of(Memory);

    public string ProbeCommand => Case.Scenario.Command;

    /// <summary>The copy-path checks, then the descriptor's and the content's, which every case falls under.</summary>
    public IReadOnlyList<Check<Reception>> Checks => [.. Paths.Select(p => p.Check), .. Descriptor, .. Case.Dealloc ? Deallocated : Kept];

    // Static lists, not made in the getter: the docs find the specs that assert a claim by the
    // claim fields their code reaches, and a getter naming every claim would reach them all.
    static readonly IReadOnlyList<Check<Reception>> Descriptor =
    [
        new(DescriptorClaims.CopyFieldIsTheSendersOption, DescriptorClaims.CopyField),
        new(DescriptorClaims.DeallocateBitSaysVirtualCopy, DescriptorClaims.DeallocateBit),
    ];

    static readonly IReadOnlyList<Check<Reception>> Deallocated =
        [new(ContentClaims.DeallocatedBytesReadAsSent, ContentClaims.DeallocatedReadsOriginal)];

    static readonly IReadOnlyList<Check<Reception>> Kept =
    [
        new(ContentClaims.ReceiverReadsTheBytesAsSent, ContentClaims.ReceiverReadsOriginal),
        new(ContentClaims.SenderNeverReadsTheReceiversWrites, ContentClaims.SenderNeverReadsReceiver),
    ];

    public IReadOnlyList<Claim> Claims => [.. Checks.Select(c => c.Claim)];

    public string Security => string.Join("; or ", Paths.Select(p => p.Security));

    /// <summary>The case's check of <paramref name="claim"/>; a claim the case does not fall under is a spec's mistake.</summary>
    public Check<Reception> CheckOf(Claim claim) =>
        Checks.SingleOrDefault(c => c.Claim == claim)
        ?? throw new ArgumentException($"The case '{Description}' does not fall under the claim that {claim.Sentence}.", nameof(claim));

    public override string ToString() => Description;
}

/// <summary>The exact allocation of each kind of memory, as Native/src/xnu_ool_memory.c makes it.</summary>
public static class Allocations
{
    /// <summary>What vm_allocate adds to every probe buffer: the tag keeps it apart from untagged neighbours (user_tag 240), and is no malloc tag.</summary>
    const string Tag = "VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1)";

    public static string Of(MemoryKind memory) => memory switch
    {
        MemoryKind.Purgeable => $"vm_allocate, VM_FLAGS_ANYWHERE | VM_FLAGS_PURGABLE | {Tag} (the article's flags 3, and the probe's tag 240)",
        MemoryKind.Anonymous => $"vm_allocate, VM_FLAGS_ANYWHERE | {Tag} (user_tag 240)",
        MemoryKind.Malloc => "posix_memalign to vm_page_size: a block of libmalloc's region, tagged by its zone (MALLOC_SMALL 2, MALLOC_MEDIUM 12 or MALLOC_LARGE 3, by size and machine)",
        _ => throw new ArgumentOutOfRangeException(nameof(memory), memory, "No allocation is known for this memory kind."),
    };
}

using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>
/// A PHYSICAL_COPY kept by its sender is copied into the kernel's IPC copy map, whose room for
/// one message is ipc_kmsg_max_vm_space: 7/8 of IPC_KERNEL_COPY_MAP_SIZE's 8 MiB. These two
/// transfers of anonymous memory straddle it: exactly 7 MiB, and one byte more.
/// </summary>
public static class OolPhysicalLimit
{
    public const long Bytes = 7L * 1024 * 1024;

    public static readonly OolTransferScenario AtTheLimit = Transfer(Bytes);

    public static readonly OolTransferScenario PastTheLimit = Transfer(Bytes + 1);

    [Observed("ool-physical-limit", "a kept PHYSICAL_COPY of 7 MiB, and of one byte more")]
    public static IEnumerable<IScenario> Both => [AtTheLimit, PastTheLimit];

    static OolTransferScenario Transfer(long bytes) => new(MemoryKind.Anonymous, CopyOption.Physical, OolSize.Bytes(bytes), Dealloc: false);
}

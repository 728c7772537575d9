using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>The modes of `oolprobe fork-inherit` (Native/src/fork_inherit.c's modes[]): kernel and setup in words.</summary>
public static class InheritModes
{
    public static readonly KernelRows<InheritMode> All = new("fork-inherit",
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

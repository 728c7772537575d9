using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Scenarios;

/// <summary>The ways of `oolprobe second-view` (Native/src/second_view.c's rows[]): kernel and setup in words.</summary>
public static class SecondViews
{
    public static readonly KernelRows<SecondViewWay> All = new("second-view",
    [
        new(SecondViewWay.MemfdShared, Kernel.Linux, "two MAP_SHARED mappings of one memfd"),
        new(SecondViewWay.MemfdPrivate, Kernel.Linux, "MAP_PRIVATE of a memfd beside MAP_SHARED"),
        new(SecondViewWay.MremapShared, Kernel.Linux, "mremap old_size 0 of MAP_SHARED|MAP_ANONYMOUS"),
        new(SecondViewWay.MremapPrivate, Kernel.Linux, "mremap old_size 0 of MAP_PRIVATE|MAP_ANONYMOUS"),
        new(SecondViewWay.ProcMemPrivateFile, Kernel.Linux, "/proc/self/mem write into a read-only MAP_PRIVATE file mapping"),
        new(SecondViewWay.RemapShare, Kernel.Xnu, "mach_vm_remap copy FALSE"),
        new(SecondViewWay.RemapCopy, Kernel.Xnu, "mach_vm_remap copy TRUE"),
        new(SecondViewWay.EntryShare, Kernel.Xnu, "memory entry MAP_MEM_VM_SHARE, mach_vm_map"),
        new(SecondViewWay.EntryCopy, Kernel.Xnu, "memory entry MAP_MEM_VM_COPY, mach_vm_map"),
        new(SecondViewWay.EntryReadOnly, Kernel.Xnu, "read-only memory entry, mach_vm_map asking write"),
        new(SecondViewWay.EntryUnaligned, Kernel.Xnu, "memory entry of a size not page aligned"),
    ]);
}

using OolSpecs.Harness.SourceWatch;

namespace OolSpecs.Specs.Support;

/// <summary>The XNU tags the claims were read at: macOS 14, 15.0-15.3 and 15.4-15.5. macOS 26's xnu is not public.</summary>
public static class XnuTags
{
    public const string Xnu10002 = "xnu-10002.81.5";
    public const string Xnu11215 = "xnu-11215.81.4";
    public const string Xnu11417 = "xnu-11417.121.6";

    public static readonly IReadOnlyList<string> All = [Xnu10002, Xnu11215, Xnu11417];
}

/// <summary>
/// The XNU functions (and macros) the claims cite, each with the file of apple-oss-distributions/xnu
/// that defines it, and the file it moved to where a release moved it. With OOLSPECS_XNU_SOURCE
/// set, a test checks each is defined there at every tag a claim cites it at.
/// </summary>
public static class XnuFunctions
{
    const string IpcKmsg = "osfmk/ipc/ipc_kmsg.c";
    const string VmMap = "osfmk/vm/vm_map.c";
    const string VmObject = "osfmk/vm/vm_object.c";
    const string VmFault = "osfmk/vm/vm_fault.c";

    public static readonly SourceFunction IpcInit = new("osfmk/ipc/ipc_init.c", "ipc_init");
    public static readonly SourceFunction IpcKmsgCopyinBody = new(IpcKmsg, "ipc_kmsg_copyin_body");
    public static readonly SourceFunction IpcKmsgCopyinOolDescriptor = new(IpcKmsg, "ipc_kmsg_copyin_ool_descriptor");
    public static readonly SourceFunction IpcKmsgCopyoutOolDescriptor = new(IpcKmsg, "ipc_kmsg_copyout_ool_descriptor");
    public static readonly SourceFunction IpcKmsgDeflateMemoryDescriptor = new(IpcKmsg, "ipc_kmsg_deflate_memory_descriptor");
    public static readonly SourceFunction IpcKmsgInflateOolDescriptor = new(IpcKmsg, "ipc_kmsg_inflate_ool_descriptor");
    public static readonly SourceFunction IpcValidateKmsgSchemaFromUser = new("osfmk/ipc/ipc_policy.c", "ipc_validate_kmsg_schema_from_user");

    public static readonly SourceFunction KheapMaxSize = SourceFunction.Macro("osfmk/kern/kalloc.h", "KHEAP_MAX_SIZE");
    public static readonly SourceFunction VmInheritDefault = SourceFunction.Macro("osfmk/mach/vm_inherit.h", "VM_INHERIT_DEFAULT");

    public static readonly SourceFunction MachVmAllocateKernel =
        new SourceFunction("osfmk/vm/vm_user.c", "mach_vm_allocate_kernel").MovedTo("osfmk/vm/vm_kern.c", XnuTags.Xnu11215);

    public static readonly SourceFunction PmapEnterOptionsInternal = new("osfmk/arm/pmap/pmap.c", "pmap_enter_options_internal");

    public static readonly SourceFunction VmFaultComplete = new(VmFault, "vm_fault_complete");
    public static readonly SourceFunction VmFaultInternal = new(VmFault, "vm_fault_internal");
    public static readonly SourceFunction VmFaultPage = new(VmFault, "vm_fault_page");

    public static readonly SourceFunction VmMapCopyOverwrite = new(VmMap, "vm_map_copy_overwrite");
    public static readonly SourceFunction VmMapCopyOverwriteAligned = new(VmMap, "vm_map_copy_overwrite_aligned");
    public static readonly SourceFunction VmMapCopyOverwriteUnaligned = new(VmMap, "vm_map_copy_overwrite_unaligned");
    public static readonly SourceFunction VmMapCopyinInternal = new(VmMap, "vm_map_copyin_internal");
    public static readonly SourceFunction VmMapCopyinKernelBuffer = new(VmMap, "vm_map_copyin_kernel_buffer");
    public static readonly SourceFunction VmMapCopyoutInternal = new(VmMap, "vm_map_copyout_internal");
    public static readonly SourceFunction VmMapCopyoutKernelBuffer = new(VmMap, "vm_map_copyout_kernel_buffer");
    public static readonly SourceFunction VmMapEnter = new(VmMap, "vm_map_enter");
    public static readonly SourceFunction VmMapFork = new(VmMap, "vm_map_fork");
    public static readonly SourceFunction VmMapForkShare = new(VmMap, "vm_map_fork_share");
    public static readonly SourceFunction VmMapInit = new(VmMap, "vm_map_init");
    public static readonly SourceFunction VmMapLookupAndLockObject = new(VmMap, "vm_map_lookup_and_lock_object");
    public static readonly SourceFunction VmMapRegionLookForPage = new(VmMap, "vm_map_region_look_for_page");
    public static readonly SourceFunction VmMapRegionWalk = new(VmMap, "vm_map_region_walk");
    public static readonly SourceFunction VmMemoryMallocNoCow = new(VmMap, "vm_memory_malloc_no_cow");

    public static readonly SourceFunction VmObjectCoalesce = new(VmObject, "vm_object_coalesce");
    public static readonly SourceFunction VmObjectCollapse = new(VmObject, "vm_object_collapse");
    public static readonly SourceFunction VmObjectCopyQuickly = new(VmObject, "vm_object_copy_quickly");
    public static readonly SourceFunction MachMakeMemoryEntryInternal =
        new SourceFunction("osfmk/vm/vm_user.c", "mach_make_memory_entry_internal").MovedTo("osfmk/vm/vm_memory_entry.c", XnuTags.Xnu11215);

    public static readonly SourceFunction VmMapEnterMemObject = new(VmMap, "vm_map_enter_mem_object");
    public static readonly SourceFunction VmMapEnterMemObjectHelper = new(VmMap, "vm_map_enter_mem_object_helper");
    public static readonly SourceFunction VmMapRemap = new(VmMap, "vm_map_remap");
    public static readonly SourceFunction VmMapRemapExtract = new(VmMap, "vm_map_remap_extract");

    public static readonly SourceFunction VmObjectCopyDelayed = new(VmObject, "vm_object_copy_delayed");
    public static readonly SourceFunction VmObjectCopySlowly = new(VmObject, "vm_object_copy_slowly");
    public static readonly SourceFunction VmObjectCopyStrategically = new(VmObject, "vm_object_copy_strategically");
    public static readonly SourceFunction VmObjectDoBypass = new(VmObject, "vm_object_do_bypass");
    public static readonly SourceFunction VmObjectShadow = new(VmObject, "vm_object_shadow");
}

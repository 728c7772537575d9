namespace OolSpecs.Harness.Words;

/// <summary>
/// How `oolprobe second-view` maps the same memory a second time: each member is one kernel's
/// way. Which kernel has it is <see cref="Scenarios.SecondViews"/>'s table; what the second view
/// is to be, the specs' SecondMapping case table.
/// </summary>
public enum SecondViewWay
{
    /// <summary>Linux: two MAP_SHARED mappings of one memfd.</summary>
    [ProbeWord("memfd-shared")] MemfdShared,
    /// <summary>Linux: a MAP_PRIVATE mapping of the memfd beside a MAP_SHARED one.</summary>
    [ProbeWord("memfd-private")] MemfdPrivate,
    /// <summary>Linux: mremap with old_size 0 of a shared anonymous mapping.</summary>
    [ProbeWord("mremap-shared")] MremapShared,
    /// <summary>Linux: mremap with old_size 0 of a private anonymous mapping.</summary>
    [ProbeWord("mremap-private")] MremapPrivate,
    /// <summary>Linux: a write through /proc/self/mem into a read-only MAP_PRIVATE file mapping.</summary>
    [ProbeWord("proc-mem-private-file")] ProcMemPrivateFile,
    /// <summary>XNU: mach_vm_remap with copy = FALSE.</summary>
    [ProbeWord("remap-share")] RemapShare,
    /// <summary>XNU: mach_vm_remap with copy = TRUE.</summary>
    [ProbeWord("remap-copy")] RemapCopy,
    /// <summary>XNU: mach_make_memory_entry_64(MAP_MEM_VM_SHARE), then mach_vm_map.</summary>
    [ProbeWord("entry-share")] EntryShare,
    /// <summary>XNU: mach_make_memory_entry_64(MAP_MEM_VM_COPY), then mach_vm_map.</summary>
    [ProbeWord("entry-copy")] EntryCopy,
    /// <summary>XNU: a read-only memory entry mapped with write asked.</summary>
    [ProbeWord("entry-read-only")] EntryReadOnly,
    /// <summary>XNU: a memory entry whose size is not page aligned.</summary>
    [ProbeWord("entry-unaligned")] EntryUnaligned,
}

/// <summary>What the original of a second-view run is: memory the probe maps, or a file it reads with pread.</summary>
public enum ViewOriginal
{
    [ProbeWord("memory")] Memory,
    [ProbeWord("file")] File,
}

namespace OolSpecs.Harness.Words;

/// <summary>
/// The memory an OOL sender sends: it decides the copy path (docs/xnu-copy-paths.md; vm_map_enter
/// in osfmk/vm/vm_map.c: purgeable memory is MEMORY_OBJECT_COPY_NONE, anonymous memory is copied
/// symmetrically, malloc'ed memory is copied at send or shared like anonymous memory by the tag
/// libmalloc gave its region).
/// </summary>
public enum MemoryKind
{
    /// <summary>vm_allocate with VM_FLAGS_ANYWHERE | VM_FLAGS_PURGABLE: the article's allocation.</summary>
    [ProbeWord("purgeable")] Purgeable,
    /// <summary>vm_allocate with VM_FLAGS_ANYWHERE: what an ordinary program maps.</summary>
    [ProbeWord("anonymous")] Anonymous,
    /// <summary>A malloc'ed block of the payload's size on a page boundary, sharing its region with the allocator's others.</summary>
    [ProbeWord("malloc")] Malloc,
}

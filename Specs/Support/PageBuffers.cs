namespace OolSpecs.Specs.Support;

/// <summary>
/// The buffer the probe's fork walks look at, as a case table's allocation: what
/// page_buffer_map_as does (Native/src/linux_pages.c, xnu_pages.c). On Linux the buffer sits
/// between two PROT_NONE guard pages, so that it is a VMA of its own, with huge pages off; on
/// XNU it is one vm_allocate'd region, tagged so that it does not coalesce with other memory.
/// </summary>
public static class PageBuffers
{
    /// <summary>The Linux buffer of <paramref name="kind"/> (MAP_PRIVATE or MAP_SHARED), then the advice, if any, on its pages.</summary>
    public static string Linux(string kind, string? advice = null) =>
        $"mmap(pages + 2 guard pages, PROT_NONE, {kind}|MAP_ANONYMOUS), mprotect(the middle pages, PROT_READ|PROT_WRITE), madvise(MADV_NOHUGEPAGE)" +
        (advice is null ? "" : $", madvise({advice})");

    /// <summary>The XNU buffer, then vm_inherit of <paramref name="inheritance"/> if given (else VM_INHERIT_DEFAULT).</summary>
    public static string Xnu(string? inheritance = null) =>
        "vm_allocate(VM_FLAGS_ANYWHERE | VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1))" +
        (inheritance is null ? "" : $", vm_inherit({inheritance})");
}

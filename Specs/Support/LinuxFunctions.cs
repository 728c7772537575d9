using OolSpecs.Harness.SourceWatch;

namespace OolSpecs.Specs.Support;

/// <summary>
/// The Linux functions the claims cite, each with its file in the mainline tree (6.x, as read:
/// dup_mmap is in mm/mmap.c since 6.16, kernel/fork.c before). No test checks them against a
/// Linux clone (none is kept here); every Linux claim also runs for real.
/// </summary>
public static class LinuxFunctions
{
    const string Memory = "mm/memory.c";
    const string Shmem = "mm/shmem.c";

    public static readonly SourceFunction CheckPrepVma = new("mm/mremap.c", "check_prep_vma");
    public static readonly SourceFunction CheckVmaFlags = new("mm/gup.c", "check_vma_flags");
    public static readonly SourceFunction MemRw = new("fs/proc/base.c", "mem_rw");
    public static readonly SourceFunction MemfdCreate = new("mm/memfd.c", "memfd_create");
    public static readonly SourceFunction ProcMemFollForce = new("fs/proc/base.c", "proc_mem_foll_force");
    public static readonly SourceFunction AnonVmaFork = new("mm/rmap.c", "anon_vma_fork");
    public static readonly SourceFunction CopyPageRange = new(Memory, "copy_page_range");
    public static readonly SourceFunction CopyPresentPte = new(Memory, "copy_present_pte");
    public static readonly SourceFunction DoAnonymousPage = new(Memory, "do_anonymous_page");
    public static readonly SourceFunction DoWpPage = new(Memory, "do_wp_page");
    public static readonly SourceFunction DupMmap = new("mm/mmap.c", "dup_mmap");
    public static readonly SourceFunction MadviseVmaBehavior = new("mm/madvise.c", "madvise_vma_behavior");
    public static readonly SourceFunction PteToPagemapEntry = new("fs/proc/task_mmu.c", "pte_to_pagemap_entry");
    public static readonly SourceFunction ShmemFault = new(Shmem, "shmem_fault");
    public static readonly SourceFunction ShmemGetFolio = new(Shmem, "shmem_get_folio");
    public static readonly SourceFunction ShmemZeroSetup = new(Shmem, "shmem_zero_setup");
    public static readonly SourceFunction VmaNeedsCopy = new(Memory, "vma_needs_copy");
    public static readonly SourceFunction WpCanReuseAnonFolio = new(Memory, "wp_can_reuse_anon_folio");
    public static readonly SourceFunction WpPageCopy = new(Memory, "wp_page_copy");
}

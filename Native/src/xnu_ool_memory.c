#include "xnu_ool_memory.h"

#include <errno.h>
#include <stdlib.h>
#include <mach/vm_map.h>
#include <mach/vm_page_size.h>
#include <mach/vm_purgable.h>
#include <mach/vm_statistics.h>

#include "xnu_fail.h"
#include "xnu_layouts.h"

static vm_size_t whole_pages(uint64_t bytes)
{
	return (vm_size_t)((bytes + vm_page_size - 1) &
			   ~((uint64_t)vm_page_size - 1));
}

/*
 * Whole pages, tagged like fork-cow's buffer: the tag keeps the buffer
 * apart from untagged neighbours (it shows as user_tag 240). 240 is no
 * malloc tag, so it does not change how the kernel copies the memory.
 * VM_FLAGS_PURGABLE is what makes vm_map_enter give the object the
 * MEMORY_OBJECT_COPY_NONE strategy that purgeable memory is copied with.
 */
static bool allocate_pages(uint64_t bytes, int extra_flags,
			   vm_address_t *address, struct call_error *error)
{
	kern_return_t result;

	*address = 0;
	result = vm_allocate(mach_task_self(), address, whole_pages(bytes),
			     VM_FLAGS_ANYWHERE | extra_flags |
				     VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1));
	if (result != KERN_SUCCESS)
		return record_kern_error(error, "vm_allocate", result);
	return true;
}

/*
 * malloc's block is what a program usually sends. It shares its pages'
 * region with the allocator's other blocks, and the allocator's zone, so
 * the region's user_tag, depends on the size and the machine (libmalloc:
 * small, VM_MEMORY_MALLOC_SMALL 2, up to 32 KiB; above that medium,
 * VM_MEMORY_MALLOC_MEDIUM 12, where the medium zone is on, large,
 * VM_MEMORY_MALLOC_LARGE 3, where it is not). The tag decides
 * the copy: XNU's vm_memory_malloc_no_cow_mask (vm_map.c) holds 1, 2, 7,
 * 11 and 12 on macOS, not 3, so a large block is shared copy-on-write like
 * anonymous memory and the others are copied at send.
 *
 * The block is asked for on a page boundary: a small-zone block otherwise
 * sits on any 512-byte boundary, so how many pages the data spans would
 * depend on what the process allocated before, not on the kernel.
 */
static bool allocate_block(uint64_t bytes, vm_address_t *address,
			   struct call_error *error)
{
	void *block = NULL;
	int result = posix_memalign(&block, vm_page_size, (size_t)bytes);

	if (result != 0)
		return record_errno(error, "posix_memalign", result);
	*address = (vm_address_t)block;
	return true;
}

bool ool_memory_allocate(enum ool_memory memory, uint64_t bytes,
			 vm_address_t *address, struct call_error *error)
{
	switch (memory) {
	case OOL_MEMORY_PURGEABLE:
		return allocate_pages(bytes, VM_FLAGS_PURGABLE, address, error);
	case OOL_MEMORY_ANONYMOUS:
		return allocate_pages(bytes, 0, address, error);
	case OOL_MEMORY_MALLOC:
		return allocate_block(bytes, address, error);
	}
	return record_call_error(error, "allocate", "unknown memory kind");
}

/* The process ends right after; a failed release changes no observation. */
void ool_memory_release(enum ool_memory memory, vm_address_t address,
			uint64_t bytes)
{
	if (memory == OOL_MEMORY_MALLOC)
		free((void *)address);
	else
		vm_deallocate(mach_task_self(), address, whole_pages(bytes));
}

bool ool_memory_purgeable_state(vm_address_t address, int *state,
				struct call_error *error)
{
	kern_return_t result;

	*state = 0;
	result = vm_purgable_control(mach_task_self(), address,
				     VM_PURGABLE_GET_STATE, state);
	if (result != KERN_SUCCESS)
		return record_kern_error(error,
					 "vm_purgable_control GET_STATE",
					 result);
	return true;
}

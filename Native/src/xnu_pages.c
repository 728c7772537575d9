/*
 * XNU backend of page_probe.h: the buffer is one vm_allocate'd region, and
 * an observation is that region as vm_region_recurse_64 describes it.
 */
#include "page_probe.h"

#include <string.h>
#include <mach/mach.h>
#include <mach/vm_map.h>
#include <mach/vm_statistics.h>

#include "json.h"
#include "xnu_fail.h"
#include "xnu_layouts.h"
#include "xnu_region.h"

struct page_observation {
	struct xnu_region region;
};

const char *page_probe_kernel(void)
{
	return "xnu";
}

size_t page_observation_size(void)
{
	return sizeof(struct page_observation);
}

/*
 * How each setup asks for the buffer's inheritance: none of them changes
 * the mapping itself, only what vm_map_fork does with its entry.
 */
static const struct {
	bool xnu_has_it;
	bool set_inheritance;	/* else vm_allocate's own (VM_INHERIT_DEFAULT) */
	vm_inherit_t inheritance;
	const char *call;
} setups[PAGE_SETUP_COUNT] = {
	[PAGE_SETUP_DEFAULT] = { true, false, 0, NULL },
	[PAGE_SETUP_XNU_INHERIT_SHARE] = { true, true, VM_INHERIT_SHARE,
					   "vm_inherit(VM_INHERIT_SHARE)" },
	[PAGE_SETUP_XNU_INHERIT_COPY] = { true, true, VM_INHERIT_COPY,
					  "vm_inherit(VM_INHERIT_COPY)" },
	[PAGE_SETUP_XNU_INHERIT_NONE] = { true, true, VM_INHERIT_NONE,
					  "vm_inherit(VM_INHERIT_NONE)" },
};

/*
 * The tag keeps the kernel from coalescing the buffer with neighbouring
 * untagged anonymous memory, so the region is the buffer and nothing else
 * (it shows as user_tag 240).
 */
bool page_buffer_map_as(struct page_buffer *buffer, size_t pages,
			enum page_buffer_setup setup,
			struct call_error *error)
{
	vm_address_t address = 0;
	vm_size_t size = pages * vm_page_size;
	kern_return_t result;

	if ((unsigned int)setup >= PAGE_SETUP_COUNT ||
	    !setups[setup].xnu_has_it)
		return record_call_error(error, "page_buffer_map_as",
					 "not a setup XNU has");
	result = vm_allocate(mach_task_self(), &address, size,
			     VM_FLAGS_ANYWHERE |
				     VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1));
	if (result != KERN_SUCCESS)
		return record_kern_error(error, "vm_allocate", result);
	buffer->base = (unsigned char *)address;
	buffer->page_size = vm_page_size;
	buffer->pages = pages;
	if (setups[setup].set_inheritance) {
		result = vm_inherit(mach_task_self(), address, size,
				    setups[setup].inheritance);
		if (result != KERN_SUCCESS)
			return record_kern_error(error, setups[setup].call,
						 result);
	}
	return true;
}

/*
 * vm_region_recurse_64 describes the region holding the address, or else
 * the next one above it, or fails with KERN_INVALID_ADDRESS when there is
 * none: only the first means the buffer is mapped. Asked as xnu_region_at
 * asks (depth 99, submap info), which instead fails on the last two.
 */
bool page_buffer_is_mapped(const struct page_buffer *buffer, bool *mapped,
			   struct call_error *error)
{
	vm_address_t first = (vm_address_t)buffer->base;
	vm_address_t end = first + buffer->pages * buffer->page_size;
	vm_address_t start = first;
	vm_size_t size = 0;
	natural_t depth = 99;
	vm_region_submap_info_data_64_t info;
	mach_msg_type_number_t count = VM_REGION_SUBMAP_INFO_COUNT_64;
	kern_return_t result;

	memset(&info, 0, sizeof(info));
	result = vm_region_recurse_64(mach_task_self(), &start, &size, &depth,
				      (vm_region_recurse_info_t)&info, &count);
	if (result == KERN_INVALID_ADDRESS) {
		*mapped = false;
		return true;
	}
	if (result != KERN_SUCCESS)
		return record_kern_error(error, "vm_region_recurse_64", result);
	*mapped = start <= first && first - start < size;
	if (*mapped && end - start > size)
		return record_call_error(error, "vm_region_recurse_64",
					 "the buffer is mapped only in part");
	return true;
}

bool page_buffer_observe(const struct page_buffer *buffer,
			 struct page_observation *out,
			 struct call_error *error)
{
	memset(out, 0, sizeof(*out));
	return xnu_region_at(mach_task_self(), (vm_address_t)buffer->base,
			     &out->region, error);
}

/*
 * XNU has no parent-death signal. The child needs none: it blocks only on
 * fork_link's go pipe, whose end of file comes when the parent exits, and a
 * report to a dead parent fails with EPIPE.
 */
bool page_probe_child_setup(pid_t parent, struct call_error *error)
{
	(void)parent;
	(void)error;
	return true;
}

/* Every XNU fact belongs to a step. */
void page_probe_emit_run(const struct page_observation *const observations[],
			 size_t count)
{
	(void)observations;
	(void)count;
}

void page_observation_emit(const struct page_observation *observation)
{
	json_key("region");
	xnu_region_emit(&observation->region);
}

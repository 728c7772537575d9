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
 * The tag keeps the kernel from coalescing the buffer with neighbouring
 * untagged anonymous memory, so the region is the buffer and nothing else
 * (it shows as user_tag 240).
 */
bool page_buffer_map(struct page_buffer *buffer, size_t pages,
		     struct call_error *error)
{
	vm_address_t address = 0;
	kern_return_t result;

	result = vm_allocate(mach_task_self(), &address, pages * vm_page_size,
			     VM_FLAGS_ANYWHERE |
				     VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1));
	if (result != KERN_SUCCESS)
		return record_kern_error(error, "vm_allocate", result);
	buffer->base = (unsigned char *)address;
	buffer->page_size = vm_page_size;
	buffer->pages = pages;
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
 * the release pipe, whose end of file comes when the parent exits, and a
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

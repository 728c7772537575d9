/* What the sender and the receiver of ool-transfer do alike on XNU. */
#include "xnu_ool.h"

#include <string.h>
#include <mach/vm_page_size.h>

#include "json.h"
#include "xnu_footprint.h"
#include "xnu_layouts.h"

/*
 * The task's own page size: 16 KiB on Apple silicon, 4 KiB on Intel and
 * under Rosetta.
 */
size_t ool_page_size(void)
{
	return vm_page_size;
}

/*
 * The region first, the footprint last: neither inspection touches the
 * memory, so the order only matters for what the footprint includes,
 * and it includes everything the region shows.
 */
bool ool_observe(vm_address_t address, struct ool_observation *out,
		 struct call_error *error)
{
	memset(out, 0, sizeof(*out));
	return xnu_region_at(mach_task_self(), address, &out->region, error) &&
	       xnu_region_top_object_id(mach_task_self(), address,
					&out->top_object_id, error) &&
	       xnu_phys_footprint(mach_task_self(), &out->phys_footprint,
				  error);
}

void ool_observation_emit(const char *step,
			  const struct ool_observation *observation)
{
	json_begin_object();
	json_key_string("step", step);
	json_key("region");
	xnu_region_emit(&observation->region);
	json_key_uint("top_object_id", observation->top_object_id);
	json_key_uint("phys_footprint", observation->phys_footprint);
	json_end_object();
}

void ool_fill_buffer(vm_address_t base, uint64_t size, enum ool_fill fill,
		     unsigned char value)
{
	/* Nothing in this process reads these bytes back. */
	volatile unsigned char *byte = (volatile unsigned char *)base;
	uint64_t length = ool_fill_length(fill, size, vm_page_size);

	for (uint64_t i = 0; i < length; i++)
		byte[i] = value;
}

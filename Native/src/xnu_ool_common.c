/* What the sender and the receiver of ool-transfer do alike on XNU. */
#include "xnu_ool.h"

#include <stdio.h>
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
 * The region first, the footprint last: no inspection touches the
 * memory, so the order only matters for what the footprint includes,
 * and it includes everything the region shows.
 */
bool ool_observe(vm_address_t address, uint64_t bytes,
		 struct ool_observation *out, struct call_error *error)
{
	memset(out, 0, sizeof(*out));
	return xnu_region_at(mach_task_self(), address, &out->region, error) &&
	       xnu_region_chain_bottom_object_id(
		       mach_task_self(), address,
		       &out->chain_bottom_object_id, error) &&
	       xnu_payload_observe(address, bytes, &out->payload, error) &&
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
	json_key_uint("chain_bottom_object_id",
		      observation->chain_bottom_object_id);
	json_key_uint("phys_footprint", observation->phys_footprint);
	json_key("payload");
	xnu_payload_emit(&observation->payload);
	json_end_object();
}

void ool_fill_content(vm_address_t base, uint64_t size, enum ool_fill fill,
		      enum content_seed seed)
{
	content_fill((volatile unsigned char *)base,
		     ool_fill_length(fill, size, vm_page_size), seed);
}

uint64_t ool_offset_in_page(uint64_t address)
{
	return address & ((uint64_t)vm_page_size - 1);
}

bool ool_message_has_shape(const mach_msg_header_t *header,
			   const mach_msg_body_t *body,
			   unsigned int descriptor_type,
			   unsigned int expected_id, size_t expected_size,
			   unsigned int expected_type, char *why,
			   size_t why_size)
{
	if ((unsigned int)header->msgh_id != expected_id)
		snprintf(why, why_size, "msgh_id 0x%x, expected 0x%x",
			 (unsigned int)header->msgh_id, expected_id);
	else if (!(header->msgh_bits & MACH_MSGH_BITS_COMPLEX))
		snprintf(why, why_size, "not complex (msgh_bits 0x%x)",
			 header->msgh_bits);
	else if (header->msgh_size != expected_size)
		snprintf(why, why_size, "msgh_size %u, expected %zu",
			 header->msgh_size, expected_size);
	else if (body->msgh_descriptor_count != 1)
		snprintf(why, why_size, "%u descriptors, expected 1",
			 body->msgh_descriptor_count);
	else if (descriptor_type != expected_type)
		snprintf(why, why_size, "descriptor type %u, expected %u",
			 descriptor_type, expected_type);
	else
		return true;
	return false;
}

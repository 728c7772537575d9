#include "xnu_region.h"

#include <string.h>
#include <mach/vm_map.h>

#include "json.h"
#include "xnu_fail.h"
#include "xnu_layouts.h"

/*
 * Deep enough for any map: the kernel descends through submaps (the shared
 * region, say) until it reaches an entry backed by an object.
 */
#define REGION_NESTING_DEPTH 99

static bool region_contains(vm_address_t start, vm_size_t size,
			    vm_address_t address)
{
	return start <= address && address - start < size;
}

bool xnu_region_at(vm_map_t task, vm_address_t address,
		   struct xnu_region *out, struct call_error *error)
{
	vm_address_t start = address;
	vm_size_t size = 0;
	natural_t depth = REGION_NESTING_DEPTH;
	mach_msg_type_number_t count = VM_REGION_SUBMAP_INFO_COUNT_64;
	kern_return_t result;

	/* Zeroed, padding included: the bytes may cross a pipe, and an older
	 * kernel may fill fewer fields than asked for. */
	memset(out, 0, sizeof(*out));
	result = vm_region_recurse_64(task, &start, &size, &depth,
				      (vm_region_recurse_info_t)&out->info,
				      &count);
	if (result != KERN_SUCCESS)
		return record_kern_error(error, "vm_region_recurse_64", result);
	if (!region_contains(start, size, address))
		return record_call_error(error, "vm_region_recurse_64",
					 "no region contains the address");
	out->start = start;
	out->end = start + size;
	out->depth = depth;
	out->info_count = count;
	return true;
}

bool xnu_region_chain_bottom_object_id(vm_map_t task, vm_address_t address,
				       unsigned int *object_id,
				       struct call_error *error)
{
	vm_address_t start = address;
	vm_size_t size = 0;
	vm_region_top_info_data_t top;
	mach_msg_type_number_t count = VM_REGION_TOP_INFO_COUNT;
	mach_port_t object_name = MACH_PORT_NULL;
	kern_return_t result;

	memset(&top, 0, sizeof(top));
	result = vm_region_64(task, &start, &size, VM_REGION_TOP_INFO,
			      (vm_region_info_t)&top, &count, &object_name);
	/* Historically a send right; release it should a kernel still give one. */
	if (object_name != MACH_PORT_NULL)
		mach_port_deallocate(mach_task_self(), object_name);
	if (result != KERN_SUCCESS)
		return record_kern_error(error, "vm_region_64", result);
	if (!region_contains(start, size, address))
		return record_call_error(error, "vm_region_64",
					 "no region contains the address");
	*object_id = top.obj_id;
	return true;
}

void xnu_region_emit(const struct xnu_region *region)
{
	const vm_region_submap_info_data_64_t *info = &region->info;

	json_begin_object();
	json_key_uint("start", region->start);
	json_key_uint("end", region->end);
	json_key_uint("depth", region->depth);
	json_key_int("protection", info->protection);
	json_key_int("max_protection", info->max_protection);
	json_key_uint("inheritance", info->inheritance);
	json_key_uint("offset", info->offset);
	json_key_uint("user_tag", info->user_tag);
	json_key_uint("pages_resident", info->pages_resident);
	json_key_uint("pages_shared_now_private",
		      info->pages_shared_now_private);
	json_key_uint("pages_swapped_out", info->pages_swapped_out);
	json_key_uint("pages_dirtied", info->pages_dirtied);
	json_key_uint("ref_count", info->ref_count);
	json_key_uint("shadow_depth", info->shadow_depth);
	json_key_uint("external_pager", info->external_pager);
	json_key_uint("share_mode", info->share_mode);
	json_key_bool("is_submap", info->is_submap != 0);
	json_key_int("behavior", info->behavior);
	json_key_uint("object_id", info->object_id);
	json_key_uint("user_wired_count", info->user_wired_count);
	json_key_uint("pages_reusable", info->pages_reusable);
	/*
	 * vm_map_region_recurse_64 (xnu-11417.121.6) sets it, for a V2 count,
	 * to the hash of VME_OBJECT(entry): the entry's own top object, all
	 * 64 bits (object_id above is the same hash cut to 32).
	 */
	json_key("object_id_full");
	if (region->info_count >= VM_REGION_SUBMAP_INFO_V2_COUNT_64)
		json_uint(info->object_id_full);
	else
		json_null();
	json_end_object();
}

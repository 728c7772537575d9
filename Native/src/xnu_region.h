/*
 * The VM region containing an address, as vm_region_recurse_64 reports it
 * with VM_REGION_SUBMAP_INFO_64 (V2): share mode, reference and page
 * counts, shadow depth, the entry's own object. Plain bytes, so it can
 * cross a pipe.
 */
#ifndef OOLPROBE_XNU_REGION_H
#define OOLPROBE_XNU_REGION_H

#include <stdbool.h>
#include <stdint.h>
#include <mach/mach.h>

#include "fail.h"

struct xnu_region {
	uint64_t start;
	uint64_t end;
	natural_t depth;	/* submap nesting depth of the entry */
	/*
	 * How many natural_t the kernel filled: a kernel older than V2
	 * leaves object_id_full out (it is then reported as null).
	 */
	mach_msg_type_number_t info_count;
	vm_region_submap_info_data_64_t info;
};

/*
 * Fails if address lies in no region (the kernel would otherwise describe
 * the next region up).
 */
bool xnu_region_at(vm_map_t task, vm_address_t address,
		   struct xnu_region *out, struct call_error *error);

/*
 * VM_REGION_TOP_INFO's obj_id for the entry at address. Despite the
 * flavour's name it is the id of the object at the *bottom* of the entry's
 * shadow chain: vm_map_region_top_walk (osfmk/vm/vm_map.c, read at
 * xnu-11417.121.6, reached from vm_map_region's VM_REGION_TOP_INFO case)
 * follows obj->shadow to the end and only then hashes the object it stopped
 * at, truncated to 32 bits. Two entries with the same id share the
 * original object, not necessarily their top ones; the entry's own (top)
 * object is info.object_id_full of xnu_region_at.
 */
bool xnu_region_chain_bottom_object_id(vm_map_t task, vm_address_t address,
				       unsigned int *object_id,
				       struct call_error *error);

/* Writes the region as a JSON object value. */
void xnu_region_emit(const struct xnu_region *region);

#endif

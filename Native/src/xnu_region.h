/*
 * The VM region containing an address, as vm_region_recurse_64 reports it
 * with VM_REGION_SUBMAP_INFO_64: share mode, reference and page counts,
 * shadow depth. Plain bytes, so it can cross a pipe.
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
	vm_region_submap_info_data_64_t info;
};

/*
 * Fails if address lies in no region (the kernel would otherwise describe
 * the next region up).
 */
bool xnu_region_at(vm_map_t task, vm_address_t address,
		   struct xnu_region *out, struct call_error *error);

/*
 * The id of the top VM object behind address (VM_REGION_TOP_INFO obj_id):
 * two regions with the same id are backed by the same object.
 */
bool xnu_region_top_object_id(vm_map_t task, vm_address_t address,
			      unsigned int *object_id,
			      struct call_error *error);

/* Writes the region as a JSON object value. */
void xnu_region_emit(const struct xnu_region *region);

#endif

/*
 * The Mach structures oolprobe fills through the kernel or sends through
 * it, pinned to the LP64 layouts it was written against. A header that
 * changes one of them fails the build instead of making the probe report
 * fields from the wrong offsets. Included by every XNU source file.
 */
#ifndef OOLPROBE_XNU_LAYOUTS_H
#define OOLPROBE_XNU_LAYOUTS_H

#include <stddef.h>
#include <mach/mach.h>
#include <mach/message.h>
#include <mach/task_info.h>
#include <mach/vm_region.h>

#if !defined(__LP64__)
#error "oolprobe's XNU code assumes LP64 (the vm_* calls then match mach_vm_*)"
#endif

/* The vm_* calls stand in for mach_vm_*, which needs 64-bit addresses. */
_Static_assert(sizeof(vm_address_t) == 8 && sizeof(vm_size_t) == 8,
	       "vm_address_t and vm_size_t must be 64-bit");

/* vm_region_recurse_64 with VM_REGION_SUBMAP_INFO_64, packed to 4 bytes. */
_Static_assert(sizeof(vm_region_submap_info_data_64_t) == 76,
	       "vm_region_submap_info_64 is 76 bytes (V2, with object_id_full)");
_Static_assert(VM_REGION_SUBMAP_INFO_COUNT_64 == 19,
	       "VM_REGION_SUBMAP_INFO_COUNT_64 counts 19 natural_t");
_Static_assert(VM_REGION_SUBMAP_INFO_COUNT_64 * sizeof(natural_t) ==
		       sizeof(vm_region_submap_info_data_64_t),
	       "the count macro covers the whole structure");
_Static_assert(offsetof(vm_region_submap_info_data_64_t, offset) == 12,
	       "offset is packed right after inheritance");
_Static_assert(offsetof(vm_region_submap_info_data_64_t, share_mode) == 47,
	       "share_mode offset");
_Static_assert(offsetof(vm_region_submap_info_data_64_t, object_id) == 56,
	       "object_id offset");
_Static_assert(offsetof(vm_region_submap_info_data_64_t, pages_reusable) == 64,
	       "pages_reusable offset (V1 ends after it)");
/* The probe asks for V2, whose last field is the entry's own object id. */
_Static_assert(VM_REGION_SUBMAP_INFO_COUNT_64 ==
		       VM_REGION_SUBMAP_INFO_V2_COUNT_64,
	       "VM_REGION_SUBMAP_INFO_COUNT_64 is the V2 count");
_Static_assert(offsetof(vm_region_submap_info_data_64_t, object_id_full) == 68 &&
		       sizeof(((vm_region_submap_info_data_64_t *)0)
				      ->object_id_full) == 8,
	       "object_id_full: 64 bits at offset 68, the end of V2");
_Static_assert(VM_REGION_SUBMAP_INFO_V1_COUNT_64 * sizeof(natural_t) ==
		       offsetof(vm_region_submap_info_data_64_t, object_id_full),
	       "a V1 answer stops right before object_id_full");

/* vm_region_64 with VM_REGION_TOP_INFO, for the shadow chain's bottom id. */
_Static_assert(sizeof(vm_region_top_info_data_t) == 20,
	       "vm_region_top_info is 20 bytes");
_Static_assert(VM_REGION_TOP_INFO_COUNT == 5,
	       "VM_REGION_TOP_INFO_COUNT counts 5 natural_t");
_Static_assert(offsetof(vm_region_top_info_data_t, obj_id) == 0,
	       "obj_id comes first");

/* task_info(TASK_VM_INFO): phys_footprint arrived in revision 1. */
_Static_assert(offsetof(task_vm_info_data_t, phys_footprint) == 144,
	       "phys_footprint offset");
_Static_assert(TASK_VM_INFO_REV1_COUNT * sizeof(natural_t) >=
		       offsetof(task_vm_info_data_t, phys_footprint) +
			       sizeof(((task_vm_info_data_t *)0)->phys_footprint),
	       "a REV1 count reaches phys_footprint");
_Static_assert(TASK_VM_INFO_COUNT * sizeof(natural_t) ==
		       sizeof(task_vm_info_data_t),
	       "TASK_VM_INFO_COUNT covers the whole structure");

/* A complex message carrying one out-of-line descriptor. */
_Static_assert(sizeof(mach_msg_header_t) == 24, "mach_msg_header_t is 24 bytes");
_Static_assert(offsetof(mach_msg_header_t, msgh_size) == 4 &&
		       offsetof(mach_msg_header_t, msgh_remote_port) == 8 &&
		       offsetof(mach_msg_header_t, msgh_local_port) == 12 &&
		       offsetof(mach_msg_header_t, msgh_voucher_port) == 16 &&
		       offsetof(mach_msg_header_t, msgh_id) == 20,
	       "mach_msg_header_t field offsets");
_Static_assert(sizeof(mach_msg_body_t) == 4, "mach_msg_body_t is 4 bytes");
_Static_assert(sizeof(mach_msg_ool_descriptor_t) == 16,
	       "mach_msg_ool_descriptor_t is 16 bytes on LP64");
_Static_assert(offsetof(mach_msg_ool_descriptor_t, address) == 0,
	       "the OOL address comes first on LP64");
_Static_assert(offsetof(mach_msg_ool_descriptor_t, size) == 12,
	       "the OOL size comes last on LP64, after the bit fields");
/* Descriptors follow the body unaligned: packed to 4 despite the pointer. */
_Static_assert(_Alignof(mach_msg_ool_descriptor_t) == 4,
	       "mach_msg_ool_descriptor_t is packed to 4 bytes");

/* The hello message carries one port descriptor. */
_Static_assert(sizeof(mach_msg_port_descriptor_t) == 12,
	       "mach_msg_port_descriptor_t is 12 bytes");
_Static_assert(offsetof(mach_msg_port_descriptor_t, name) == 0,
	       "the port name comes first");
_Static_assert(_Alignof(mach_msg_port_descriptor_t) == 4,
	       "mach_msg_port_descriptor_t is packed to 4 bytes");

/* Receive buffers leave room for the largest trailer a receive can ask for. */
_Static_assert(sizeof(mach_msg_trailer_t) == 8, "mach_msg_trailer_t is 8 bytes");
_Static_assert(sizeof(mach_msg_max_trailer_t) == 68,
	       "mach_msg_max_trailer_t (the MAC trailer) is 68 bytes on LP64");
_Static_assert(MAX_TRAILER_SIZE == sizeof(mach_msg_max_trailer_t),
	       "MAX_TRAILER_SIZE is the max trailer's size");
_Static_assert(offsetof(mach_msg_max_trailer_t, msgh_trailer_size) == 4,
	       "the trailer's own size comes second");

#endif

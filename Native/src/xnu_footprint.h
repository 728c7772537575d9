/*
 * A task's phys_footprint (task_info TASK_VM_INFO): the memory the kernel
 * charges to the task, which is what vmmap and Activity Monitor report and
 * where an out-of-line copy shows up when no region property does.
 */
#ifndef OOLPROBE_XNU_FOOTPRINT_H
#define OOLPROBE_XNU_FOOTPRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <mach/mach.h>

#include "fail.h"

bool xnu_phys_footprint(task_t task, uint64_t *footprint,
			struct call_error *error);

#endif

#include "xnu_footprint.h"

#include <string.h>
#include <mach/task_info.h>

#include "xnu_fail.h"
#include "xnu_layouts.h"

/*
 * Asks for the whole structure; the kernel fills what its revision knows
 * and lowers count to match. phys_footprint needs revision 1 or later.
 */
bool xnu_phys_footprint(task_t task, uint64_t *footprint,
			struct call_error *error)
{
	task_vm_info_data_t info;
	mach_msg_type_number_t count = TASK_VM_INFO_COUNT;
	kern_return_t result;

	memset(&info, 0, sizeof(info));
	result = task_info(task, TASK_VM_INFO, (task_info_t)&info, &count);
	if (result != KERN_SUCCESS)
		return record_kern_error(error, "task_info TASK_VM_INFO",
					 result);
	if (count < TASK_VM_INFO_REV1_COUNT)
		return record_call_error(error, "task_info TASK_VM_INFO",
					 "the kernel reported no phys_footprint");
	*footprint = info.phys_footprint;
	return true;
}

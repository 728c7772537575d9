/* fail.h for Mach calls: the error text comes from mach_error_string. */
#ifndef OOLPROBE_XNU_FAIL_H
#define OOLPROBE_XNU_FAIL_H

#include <stdbool.h>
#include <mach/mach.h>

#include "fail.h"

_Noreturn void fail_kern(const char *call, kern_return_t result);
bool record_kern_error(struct call_error *error, const char *call,
		       kern_return_t result);

#endif

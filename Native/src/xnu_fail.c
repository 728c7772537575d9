#include "xnu_fail.h"

#include <stdio.h>
#include <mach/mach_error.h>

#include "xnu_layouts.h"

/* The number too: several Mach errors share one vague string. */
static void describe(kern_return_t result, char *out, size_t out_size)
{
	snprintf(out, out_size, "%s (0x%x)", mach_error_string(result),
		 (unsigned int)result);
}

_Noreturn void fail_kern(const char *call, kern_return_t result)
{
	char text[160];

	describe(result, text, sizeof(text));
	fail_call(call, text);
}

bool record_kern_error(struct call_error *error, const char *call,
		       kern_return_t result)
{
	char text[160];

	describe(result, text, sizeof(text));
	return record_call_error(error, call, text);
}

#include "xnu_msg_return.h"

#include <stdio.h>
#include <string.h>

#include "xnu_layouts.h"

struct named_code {
	mach_msg_return_t code;
	const char *name;
};

#define NAMED(code) { code, #code }

/*
 * Codes newer than the SDK the probe may be built with (zig's targets
 * macOS 11), with the values of xnu-11417.121.6's osfmk/mach/message.h.
 */
#ifndef MACH_SEND_INVALID_OPTIONS
#define MACH_SEND_INVALID_OPTIONS 0x10000013
#endif
#ifndef MACH_SEND_AUX_TOO_SMALL
#define MACH_SEND_AUX_TOO_SMALL 0x10000018
#endif
#ifndef MACH_SEND_AUX_TOO_LARGE
#define MACH_SEND_AUX_TOO_LARGE 0x10000019
#endif

/* The codes a send may return. */
static const struct named_code send_codes[] = {
	NAMED(MACH_MSG_SUCCESS),
	NAMED(MACH_SEND_IN_PROGRESS),
	NAMED(MACH_SEND_INVALID_DATA),
	NAMED(MACH_SEND_INVALID_DEST),
	NAMED(MACH_SEND_TIMED_OUT),
	NAMED(MACH_SEND_INVALID_VOUCHER),
	NAMED(MACH_SEND_INTERRUPTED),
	NAMED(MACH_SEND_MSG_TOO_SMALL),
	NAMED(MACH_SEND_INVALID_REPLY),
	NAMED(MACH_SEND_INVALID_RIGHT),
	NAMED(MACH_SEND_INVALID_NOTIFY),
	NAMED(MACH_SEND_INVALID_MEMORY),
	NAMED(MACH_SEND_NO_BUFFER),
	NAMED(MACH_SEND_TOO_LARGE),
	NAMED(MACH_SEND_INVALID_TYPE),
	NAMED(MACH_SEND_INVALID_HEADER),
	NAMED(MACH_SEND_INVALID_TRAILER),
	NAMED(MACH_SEND_INVALID_CONTEXT),
	NAMED(MACH_SEND_INVALID_OPTIONS),
	NAMED(MACH_SEND_INVALID_RT_OOL_SIZE),
	NAMED(MACH_SEND_NO_GRANT_DEST),
	NAMED(MACH_SEND_MSG_FILTERED),
	NAMED(MACH_SEND_AUX_TOO_SMALL),
	NAMED(MACH_SEND_AUX_TOO_LARGE),
};

/*
 * The resource-shortage bits of MACH_MSG_MASK. A send refused for lack of
 * kernel memory returns MACH_MSG_VM_KERNEL alone; a failed send whose
 * message was handed back (a pseudo-receive) may have them or'ed in.
 */
static const struct named_code mask_bits[] = {
	NAMED(MACH_MSG_IPC_SPACE),
	NAMED(MACH_MSG_VM_SPACE),
	NAMED(MACH_MSG_IPC_KERNEL),
	NAMED(MACH_MSG_VM_KERNEL),
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static bool append(char *out, size_t out_size, size_t *used, const char *name)
{
	int n = snprintf(out + *used, out_size - *used, "%s%s",
			 *used ? "|" : "", name);

	if (n < 0 || (size_t)n >= out_size - *used)
		return false;
	*used += (size_t)n;
	return true;
}

static const char *base_name(mach_msg_return_t base)
{
	for (size_t i = 0; i < COUNT(send_codes); i++)
		if (send_codes[i].code == base)
			return send_codes[i].name;
	return NULL;
}

bool mach_msg_return_name(mach_msg_return_t code, char *out, size_t out_size)
{
	mach_msg_return_t bits = code & MACH_MSG_MASK;
	mach_msg_return_t base = code & ~(mach_msg_return_t)MACH_MSG_MASK;
	mach_msg_return_t named_bits = 0;
	size_t used = 0;

	if (out_size == 0)
		return false;
	out[0] = '\0';
	/* A bare bit has no base to name: MACH_MSG_VM_KERNEL, not SUCCESS|... */
	if (base != MACH_MSG_SUCCESS || bits == 0) {
		const char *name = base_name(base);

		if (name == NULL || !append(out, out_size, &used, name))
			goto unknown;
	}
	for (size_t i = 0; i < COUNT(mask_bits); i++) {
		if (!(bits & mask_bits[i].code))
			continue;
		if (!append(out, out_size, &used, mask_bits[i].name))
			goto unknown;
		named_bits |= mask_bits[i].code;
	}
	if (named_bits == bits)
		return true;
unknown:
	out[0] = '\0';
	return false;
}

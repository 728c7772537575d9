/*
 * Names of the codes a Mach send returns, as mach/message.h spells them,
 * so a refused send can be reported as an observation rather than an
 * error text.
 */
#ifndef OOLPROBE_XNU_MSG_RETURN_H
#define OOLPROBE_XNU_MSG_RETURN_H

#include <stdbool.h>
#include <stddef.h>
#include <mach/message.h>

/*
 * "MACH_MSG_SUCCESS", "MACH_SEND_INVALID_MEMORY", "MACH_MSG_VM_KERNEL",
 * or a send error with the MACH_MSG_MASK bits the kernel may add to it
 * ("MACH_SEND_TIMED_OUT|MACH_MSG_VM_SPACE"). Returns false, with out
 * empty, for a code this header does not name.
 */
bool mach_msg_return_name(mach_msg_return_t code, char *out, size_t out_size);

#endif

/*
 * The Mach messages of ool-transfer, as sent and as received (with room for
 * the trailer), pinned like xnu_layouts.h pins the kernel's own structures:
 * the kernel reads descriptors right after the body, and a receive buffer
 * one byte short loses the message (MACH_RCV_TOO_LARGE destroys it).
 */
#ifndef OOLPROBE_XNU_OOL_LAYOUTS_H
#define OOLPROBE_XNU_OOL_LAYOUTS_H

#include <stddef.h>
#include <mach/mach.h>
#include <mach/message.h>

#include "xnu_layouts.h"

/* receiver -> sender, once: a send right to the receiver's inbox. */
struct ool_hello_message {
	mach_msg_header_t header;
	mach_msg_body_t body;
	mach_msg_port_descriptor_t inbox;
};

/* sender -> receiver, per message: the buffer, out of line. */
struct ool_data_message {
	mach_msg_header_t header;
	mach_msg_body_t body;
	mach_msg_ool_descriptor_t data;
};

/*
 * The receives ask for no trailer elements, which gets the 8-byte minimum;
 * the room for the largest keeps the buffers right whatever is asked.
 */
struct ool_hello_buffer {
	struct ool_hello_message message;
	mach_msg_max_trailer_t trailer;
};

struct ool_data_buffer {
	struct ool_data_message message;
	mach_msg_max_trailer_t trailer;
};

_Static_assert(offsetof(struct ool_hello_message, header) == 0 &&
		       offsetof(struct ool_hello_message, body) == 24 &&
		       offsetof(struct ool_hello_message, inbox) == 28,
	       "hello: header, body, then the port descriptor, unpadded");
_Static_assert(sizeof(struct ool_hello_message) == 40,
	       "hello is 40 bytes (24 + 4 + 12)");

_Static_assert(offsetof(struct ool_data_message, header) == 0 &&
		       offsetof(struct ool_data_message, body) == 24 &&
		       offsetof(struct ool_data_message, data) == 28,
	       "data: header, body, then the OOL descriptor, unpadded");
_Static_assert(offsetof(struct ool_data_message, data) +
			       offsetof(mach_msg_ool_descriptor_t, size) ==
		       40,
	       "data: the descriptor's size field at byte 40");
_Static_assert(sizeof(struct ool_data_message) == 44,
	       "data is 44 bytes (24 + 4 + 16)");

/* msgh_size must be a multiple of 4; the trailer starts right after. */
_Static_assert(sizeof(struct ool_hello_message) % 4 == 0 &&
		       sizeof(struct ool_data_message) % 4 == 0,
	       "message sizes are multiples of 4");

_Static_assert(offsetof(struct ool_hello_buffer, trailer) == 40 &&
		       sizeof(struct ool_hello_buffer) == 40 + 68,
	       "hello buffer: the message, then the largest trailer");
_Static_assert(offsetof(struct ool_data_buffer, trailer) == 44 &&
		       sizeof(struct ool_data_buffer) == 44 + 68,
	       "data buffer: the message, then the largest trailer");
_Static_assert(sizeof(struct ool_hello_buffer) >=
			       sizeof(struct ool_hello_message) +
				       MAX_TRAILER_SIZE &&
		       sizeof(struct ool_data_buffer) >=
			       sizeof(struct ool_data_message) +
				       MAX_TRAILER_SIZE,
	       "receive buffers hold the message and any trailer");

#endif

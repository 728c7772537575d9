/*
 * What the two processes of ool-transfer share on XNU: the Mach message
 * ids, the records on their pipes, and what one observation holds.
 *
 * Records are plain bytes of fixed size without pointers (addresses are
 * numbers): both ends run the same binary, so they travel as is, like
 * fork-cow's.
 *
 *   sender -> receiver   struct ool_command, one per step
 *   receiver -> sender   struct ool_status first, then on success the
 *                        step's report (none for the ready record)
 */
#ifndef OOLPROBE_XNU_OOL_H
#define OOLPROBE_XNU_OOL_H

#include <stdbool.h>
#include <stdint.h>
#include <mach/mach.h>

#include "content.h"
#include "fail.h"
#include "ool_transfer.h"
#include "xnu_payload.h"
#include "xnu_region.h"

/*
 * Every Mach send and receive is bounded. Pipes already tell of a dead
 * peer; this is the backstop for a live one that never sends.
 */
#define OOL_MACH_TIMEOUT_MS 30000

/* msgh_id values; a data message adds its number (1-based). */
enum {
	OOL_HELLO_ID = 0x4f4f4c00,	/* "OOL\0" */
	OOL_DATA_ID = 0x4f4f4c10,
};

/*
 * How one task's memory looks at one step: the region at the data's
 * address (for malloc'ed data, the allocator's region) and the data's own
 * pages.
 */
struct ool_observation {
	struct xnu_region region;
	/* Raw VM_REGION_TOP_INFO obj_id: see xnu_region_chain_bottom_object_id. */
	unsigned int chain_bottom_object_id;
	uint64_t phys_footprint;	/* the task's, not the region's */
	struct xnu_payload payload;
};

enum ool_command_kind {
	OOL_COMMAND_RECEIVE = 1,	/* receive what was sent, look at each */
	OOL_COMMAND_CHECK,		/* read each: the sender's data still? */
	OOL_COMMAND_WRITE,		/* write `fill` into each, look again */
};

/* The receiver ends when the command pipe ends: there is no exit command. */
struct ool_command {
	uint32_t kind;		/* enum ool_command_kind */
	/*
	 * RECEIVE: the messages whose send succeeded, by number (1-based),
	 * in the order they were sent; a refused message never arrives.
	 */
	uint32_t count;
	uint32_t numbers[OOL_MAX_MESSAGES];
	/* CHECK: the sender's --fill; WRITE: --receiver-fill (enum ool_fill). */
	uint32_t fill;
};

struct ool_status {
	bool failed;
	struct call_error error;
};

/* One received message: its descriptor as the receiver got it, raw. */
struct ool_received {
	bool present;		/* sent, so received; else the rest is zero */
	uint64_t address;
	uint32_t size;
	uint32_t raw_copy;	/* mach_msg_copy_options_t */
	bool deallocate;
	struct ool_observation received;
};

/* Message number n is at index n - 1 in each of these. */
struct ool_receive_report {
	uint64_t footprint_before_receive;
	struct ool_received messages[OOL_MAX_MESSAGES];
};

/* One check covers every received message (its mismatch names which). */
struct ool_check_report {
	struct content_check reads_original;
};

struct ool_write_report {
	struct ool_observation after_write[OOL_MAX_MESSAGES];
};

/*
 * Whether a received message has the shape ool-transfer's messages have:
 * its id, complex, exactly its size, one descriptor of the given type.
 * If not, says what differs in why and returns false.
 */
bool ool_message_has_shape(const mach_msg_header_t *header,
			   const mach_msg_body_t *body,
			   unsigned int descriptor_type,
			   unsigned int expected_id, size_t expected_size,
			   unsigned int expected_type, char *why,
			   size_t why_size);

/*
 * Looks at the data [address, address + bytes) in this task. Does not
 * touch the memory.
 */
bool ool_observe(vm_address_t address, uint64_t bytes,
		 struct ool_observation *out, struct call_error *error);

/* Writes {"step": step, "region": ..., ...} as one array element. */
void ool_observation_emit(const char *step,
			  const struct ool_observation *observation);

/* Writes seed's pattern into the bytes of the data that fill covers. */
void ool_fill_content(vm_address_t base, uint64_t size, enum ool_fill fill,
		      enum content_seed seed);

/* Where data at address starts inside its page. */
uint64_t ool_offset_in_page(uint64_t address);

#endif

/*
 * ool-transfer: one out-of-line Mach message (or two) from this process to
 * a receiver process it starts, observed on both sides.
 *
 * This header is the portable part: the options, validated the same way on
 * every OS (so the checks are testable on Linux), and what a kernel backend
 * provides. Only XNU has Mach messages; the Linux backend refuses to run.
 */
#ifndef OOLPROBE_OOL_TRANSFER_H
#define OOLPROBE_OOL_TRANSFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The hidden subcommand the sender starts its receiver with. */
#define OOL_RECEIVER_SUBCOMMAND "ool-receiver"

/*
 * Where the receiver finds its two pipes: commands from the sender, and
 * fixed-size reports back. Fixed numbers, set up by posix_spawn.
 */
#define OOL_RECEIVER_COMMAND_FD 3
#define OOL_RECEIVER_REPORT_FD 4

#define OOL_MAX_MESSAGES 2
/* 2 GiB of 4 KiB pages; with larger pages the byte bound below decides. */
#define OOL_MAX_PAGES 524288
/*
 * 2 GiB: the article's largest transfer. The only sizes no copy path can
 * take are those a descriptor cannot carry (its size is a 32-bit
 * mach_msg_size_t); the probe stops below that. Every size up to here has
 * a path: a kernel buffer up to msg_ool_size_small, entry lists or
 * vm_object_copy_slowly above it, the ipc_kernel_copy_map for physical
 * copies. A physical copy without deallocate above that map's
 * ipc_kmsg_max_vm_space is refused by the kernel at the send: that refusal
 * is an observation (send_result), not a usage error.
 */
#define OOL_MAX_BYTES ((uint64_t)1 << 31)
#define OOL_SIZE_BOUND_REASON \
	"a descriptor's size is 32-bit, and the probe stops at 2 GiB, " \
	"the article's largest transfer"

enum ool_copy {
	OOL_COPY_VIRTUAL,	/* MACH_MSG_VIRTUAL_COPY */
	OOL_COPY_PHYSICAL,	/* MACH_MSG_PHYSICAL_COPY */
};

/* What the sender's buffer is. */
enum ool_memory {
	/*
	 * vm_allocate with VM_FLAGS_PURGABLE: the article's allocation (its
	 * flags argument was 3, VM_FLAGS_ANYWHERE | VM_FLAGS_PURGABLE).
	 */
	OOL_MEMORY_PURGEABLE,
	OOL_MEMORY_ANONYMOUS,	/* vm_allocate, ordinary anonymous memory */
	OOL_MEMORY_MALLOC,	/* posix_memalign to a page: a block in the allocator's region */
};

/* How much of a buffer one write step touches. */
enum ool_fill {
	/*
	 * The buffer's first page_size bytes (all of it, if smaller): one
	 * page, or two for a buffer that starts inside a page.
	 */
	OOL_FILL_FIRST,
	OOL_FILL_ALL,		/* every byte */
};

struct ool_transfer_options {
	enum ool_memory memory;
	enum ool_copy copy;
	bool dealloc;
	uint64_t bytes;		/* exact size of each message's data */
	enum ool_fill fill;	/* what the sender writes before sending */
	enum ool_fill receiver_fill;
	unsigned int messages;	/* 1..OOL_MAX_MESSAGES */
};

/* The option words, for the JSON. */
const char *ool_memory_name(enum ool_memory memory);
const char *ool_copy_name(enum ool_copy copy);
const char *ool_fill_name(enum ool_fill fill);

/* Bytes one write step touches in a buffer of size bytes. */
uint64_t ool_fill_length(enum ool_fill fill, uint64_t size, size_t page_size);

/* Provided by the backend (xnu_ool_sender.c, linux_ool.c). */
size_t ool_page_size(void);
int ool_transfer_run(const char *command,
		     const struct ool_transfer_options *options);
/* Called once the control pipes were found in place. */
int ool_receiver_run(const char *command);

#endif

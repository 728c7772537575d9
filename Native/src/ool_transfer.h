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
#define OOL_MAX_PAGES 524288
/* 2 GiB: the article's largest transfer; fits a descriptor's 32-bit size. */
#define OOL_MAX_BYTES ((uint64_t)1 << 31)

enum ool_copy {
	OOL_COPY_VIRTUAL,	/* MACH_MSG_VIRTUAL_COPY */
	OOL_COPY_PHYSICAL,	/* MACH_MSG_PHYSICAL_COPY */
};

/* How much of a buffer one write step touches. */
enum ool_fill {
	OOL_FILL_FIRST,		/* the first page only (or less, if smaller) */
	OOL_FILL_ALL,		/* every byte */
};

struct ool_transfer_options {
	enum ool_copy copy;
	bool dealloc;
	uint64_t bytes;		/* exact size of each message's data */
	enum ool_fill fill;	/* what the sender writes before sending */
	enum ool_fill receiver_fill;
	unsigned int messages;	/* 1..OOL_MAX_MESSAGES */
};

/* The option words, for the JSON. */
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

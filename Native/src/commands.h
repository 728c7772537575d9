/*
 * The subcommands, one per scenario: this list is the only place a new one is
 * registered. Each row is its name, its entry point, one line for --help, and
 * whether it is hidden (started by another subcommand, never by a user). The
 * list declares every entry point below and fills main.c's table, so the two
 * cannot disagree. An entry point gets its own name (for messages) and the
 * words after it, and returns the exit status.
 */
#ifndef OOLPROBE_COMMANDS_H
#define OOLPROBE_COMMANDS_H

#include <stdbool.h>

#include "ool_transfer.h"

#define OOLPROBE_SUBCOMMANDS(X)                                               \
	X("platform", platform_main,                                          \
	  "What the snapshots are keyed by: os, release, machine, page size, " \
	  "translation.",                                                     \
	  false)                                                              \
	X("fork-cow", fork_cow_main,                                          \
	  "How a private buffer is backed across fork(): six steps of parent " \
	  "and child.",                                                       \
	  false)                                                              \
	X("fork-inherit", fork_inherit_main,                                  \
	  "What a forked child inherits of a buffer, per mode, and whether "   \
	  "writes after the fork cross it.",                                  \
	  false)                                                              \
	X("second-view", second_view_main,                                    \
	  "The same memory mapped a second time, per way, and whether writes " \
	  "through one mapping show in the other.",                           \
	  false)                                                              \
	X("ool-transfer", ool_transfer_main,                                  \
	  "One out-of-line Mach message (or two) to a receiver process, "      \
	  "observed on both sides (XNU).",                                    \
	  false)                                                              \
	X(OOL_RECEIVER_SUBCOMMAND, ool_receiver_main,                         \
	  "The receiver that ool-transfer starts; not for use by hand.", true)

#define OOLPROBE_DECLARE_ENTRY(name, entry, summary, hidden) \
	int entry(const char *command, int argc, char *argv[]);
OOLPROBE_SUBCOMMANDS(OOLPROBE_DECLARE_ENTRY)
#undef OOLPROBE_DECLARE_ENTRY

#endif

/*
 * The sender's end of ool-transfer's receiver process: starting it, the
 * Mach handoff that yields a send right to its inbox, its commands and
 * reports, its end.
 *
 * Every failure here, and every one the sender reports through
 * ool_link_fail, first ends and reaps the receiver, so no receiver outlives
 * a failed run (it would end anyway, on its command pipe's end of file).
 */
#ifndef OOLPROBE_XNU_OOL_LINK_H
#define OOLPROBE_XNU_OOL_LINK_H

#include <stddef.h>
#include <sys/types.h>
#include <mach/mach.h>

#include "fail.h"
#include "xnu_ool.h"

struct ool_link {
	pid_t receiver;
	int command_fd;		/* write end of the receiver's commands */
	int report_fd;		/* read end of its reports */
	mach_port_t inbox;	/* send right to the receiver's inbox */
};

/* Spawns the receiver; returns once it is ready and inbox is known. */
void ool_link_start(struct ool_link *link);

void ool_link_command(struct ool_link *link, const struct ool_command *command);

/*
 * Reads the receiver's status and, if it succeeded, size bytes of report.
 * A failed receiver ends the sender: "oolprobe: receiver: <call>: <text>".
 */
void ool_link_read_report(struct ool_link *link, void *report, size_t size);

/* Ends the receiver (end of file on its commands) and checks it exited 0. */
void ool_link_stop(struct ool_link *link);

/* Ends the receiver, then fails with the sender's own error. */
_Noreturn void ool_link_fail(struct ool_link *link,
			     const struct call_error *error);

#endif

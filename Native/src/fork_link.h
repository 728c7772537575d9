/*
 * A parent and the child it forks, taking turns through two pipes.
 *
 * The child sends fixed-size records, each behind a header that says
 * whether the child failed instead (then a call_error follows, and the
 * child exits). The parent sends go-ahead bytes, and releases the child by
 * closing its end. Only the parent talks to the harness: a child's failure
 * ends the parent as "child: <call>: <error text>" (exit 1), a child that
 * dies says how it ended.
 *
 * Both processes run the same binary, so records cross as plain bytes.
 * No step waits on time: a dead peer shows as end of file.
 */
#ifndef OOLPROBE_FORK_LINK_H
#define OOLPROBE_FORK_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "fail.h"

struct fork_link {
	pid_t parent;
	pid_t child;		/* in the parent: the child; in the child: 0 */
	int go_fd;		/* parent: write end; child: read end */
	int report_fd;		/* parent: read end; child: write end */
};

/*
 * Forks. Returns true in the child, false in the parent. A failed pipe or
 * fork ends the probe (exit 1).
 */
bool fork_link_start(struct fork_link *link);

/*
 * The child's side. The child never calls fail_*() or exit(): it ends with
 * _exit, so it cannot flush stdio buffers copied from its parent. A pipe
 * that breaks ends it with status 1; the parent then reads end of file.
 */
void fork_link_send(const struct fork_link *link, const void *record,
		    size_t size);
_Noreturn void fork_link_send_failure(const struct fork_link *link,
				      const struct call_error *error);
/* Returns on the parent's go-ahead; ends the child if the parent is gone. */
void fork_link_wait(const struct fork_link *link);
/* Blocks until the parent releases the child (or dies), then exits 0. */
_Noreturn void fork_link_child_done(const struct fork_link *link);

/*
 * The parent's side. A failure reported by the child, or a child that ends
 * before its record is whole, ends the probe (exit 1) after reaping it.
 */
void fork_link_receive(const struct fork_link *link, void *record,
		       size_t size);
void fork_link_go(const struct fork_link *link);
/* Releases the child, reaps it, and requires that it exited 0. */
void fork_link_finish(struct fork_link *link);

#endif

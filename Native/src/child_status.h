/*
 * Waiting for a child process (fork-cow's forked child, ool-transfer's
 * spawned receiver) and saying how it ended, for error messages.
 */
#ifndef OOLPROBE_CHILD_STATUS_H
#define OOLPROBE_CHILD_STATUS_H

#include <stddef.h>
#include <sys/types.h>

/* waitpid, retried on EINTR; any other failure ends the probe (exit 1). */
int reap_child(pid_t child);

/* "exited with status 3", "killed by signal 9 (Killed)", ... */
void describe_wait_status(int status, char *out, size_t out_size);

#endif

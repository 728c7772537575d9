/*
 * Whole-buffer I/O on file descriptors. Fixed-size records travel between
 * the processes of one scenario, and a pipe may hand them over in pieces
 * or be interrupted by a signal; these loops hide both.
 */
#ifndef OOLPROBE_PIPE_IO_H
#define OOLPROBE_PIPE_IO_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Returns the number of bytes read: len, or less if end of file came first.
 * Returns -1 with errno set on error.
 */
ssize_t read_full(int fd, void *buf, size_t len);

/* Same, at a file offset (for /proc files read by position). */
ssize_t pread_full(int fd, void *buf, size_t len, off_t offset);

/* Returns 0 when all len bytes were written, -1 with errno set otherwise. */
int write_full(int fd, const void *buf, size_t len);

#endif

/*
 * What the fork-cow scenario needs from a kernel: a buffer of whole pages
 * that it can write, and a way to look at how the kernel currently backs
 * that buffer. Each kernel has one backend (linux_pages.c, xnu_pages.c).
 *
 * An observation is plain bytes of a fixed size, with no pointers: a forked
 * child fills one and sends it to its parent through a pipe as is, which
 * works because both run the same binary.
 */
#ifndef OOLPROBE_PAGE_PROBE_H
#define OOLPROBE_PAGE_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "fail.h"

#define PAGE_PROBE_MAX_PAGES 64

struct page_buffer {
	unsigned char *base;	/* first byte of the first page */
	size_t page_size;
	size_t pages;
};

/* Defined by the backend; use page_observation_size() to allocate one. */
struct page_observation;

const char *page_probe_kernel(void);	/* the "kernel" value in the JSON */
size_t page_observation_size(void);

/* Maps pages (1..PAGE_PROBE_MAX_PAGES) of private memory, not yet touched. */
bool page_buffer_map(struct page_buffer *buffer, size_t pages,
		     struct call_error *error);

/* Records how the buffer is backed right now. Must not touch the buffer. */
bool page_buffer_observe(const struct page_buffer *buffer,
			 struct page_observation *out,
			 struct call_error *error);

/*
 * First thing a forked child calls: ties the child's life to its parent's
 * where the kernel offers a way to.
 */
bool page_probe_child_setup(pid_t parent, struct call_error *error);

/*
 * Writes the keys of the top-level object that describe the run as a whole
 * rather than one step (may write none).
 */
void page_probe_emit_run(const struct page_observation *const observations[],
			 size_t count);

/* Writes the keys of one observation into the current (step) object. */
void page_observation_emit(const struct page_observation *observation);

#endif

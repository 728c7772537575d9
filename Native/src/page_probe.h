/*
 * What the fork scenarios need from a kernel: a buffer of whole pages that
 * they can write, set up in one of the ways the kernel offers, a way to
 * tell whether this process maps it at all, and a way to look at how the
 * kernel currently backs it. Each kernel has one backend (linux_pages.c,
 * xnu_pages.c).
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

/*
 * How a buffer is mapped, and what a fork passes on of it. Apart from the
 * default, each way belongs to one kernel and is named in its words; the
 * other kernel's backend refuses it (a call error: callers check the
 * kernel first).
 */
enum page_buffer_setup {
	/* Private anonymous memory as the kernel gives it by default:
	 * XNU vm_allocate, Linux mmap(MAP_PRIVATE|MAP_ANONYMOUS). */
	PAGE_SETUP_DEFAULT,
	PAGE_SETUP_XNU_INHERIT_SHARE,	/* then vm_inherit(VM_INHERIT_SHARE) */
	PAGE_SETUP_XNU_INHERIT_COPY,	/* then vm_inherit(VM_INHERIT_COPY) */
	PAGE_SETUP_XNU_INHERIT_NONE,	/* then vm_inherit(VM_INHERIT_NONE) */
	PAGE_SETUP_LINUX_SHARED,	/* mmap(MAP_SHARED|MAP_ANONYMOUS) */
	PAGE_SETUP_LINUX_DONTFORK,	/* then madvise(MADV_DONTFORK) */
	PAGE_SETUP_LINUX_WIPEONFORK,	/* then madvise(MADV_WIPEONFORK) */
	PAGE_SETUP_COUNT
};

/*
 * Maps pages (1..PAGE_PROBE_MAX_PAGES) of anonymous memory, not yet
 * touched, set up as setup says.
 */
bool page_buffer_map_as(struct page_buffer *buffer, size_t pages,
			enum page_buffer_setup setup,
			struct call_error *error);

/* The default setup: what fork-cow maps. */
static inline bool page_buffer_map(struct page_buffer *buffer, size_t pages,
				   struct call_error *error)
{
	return page_buffer_map_as(buffer, pages, PAGE_SETUP_DEFAULT, error);
}

/*
 * Whether this process maps the buffer, decided from the kernel's list of
 * this process's mappings, never by touching the buffer (so a forked child
 * can ask about an address it may not have). A buffer mapped only in part
 * is an error: the scenarios write whole buffers.
 */
bool page_buffer_is_mapped(const struct page_buffer *buffer, bool *mapped,
			   struct call_error *error);

/*
 * Records how the buffer is backed right now. Must not touch the buffer.
 * Only for a buffer this process maps.
 */
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

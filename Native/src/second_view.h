/*
 * second-view: the same memory mapped a second time, in one of the ways a
 * kernel offers, and whether a write through one mapping shows in the
 * other. The rows (one per way) are second_view.c's table; each kernel's
 * backend (linux_second_view.c, xnu_second_view.c) performs the rows of
 * its kernel and prints the run.
 */
#ifndef OOLPROBE_SECOND_VIEW_H
#define OOLPROBE_SECOND_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"

enum second_view_way {
	/* Linux */
	VIEW_MEMFD_SHARED,	/* two MAP_SHARED mappings of one memfd */
	VIEW_MEMFD_PRIVATE,	/* MAP_PRIVATE of the memfd beside MAP_SHARED */
	VIEW_MREMAP_SHARED,	/* mremap(old_size 0) of MAP_SHARED|MAP_ANONYMOUS */
	VIEW_MREMAP_PRIVATE,	/* mremap(old_size 0) of MAP_PRIVATE|MAP_ANONYMOUS */
	VIEW_PROC_MEM,		/* /proc/self/mem write into a read-only private file mapping */
	/* XNU */
	VIEW_REMAP_SHARE,	/* mach_vm_remap(copy = FALSE) */
	VIEW_REMAP_COPY,	/* mach_vm_remap(copy = TRUE) */
	VIEW_ENTRY_SHARE,	/* mach_make_memory_entry_64(MAP_MEM_VM_SHARE) + mach_vm_map */
	VIEW_ENTRY_COPY,	/* mach_make_memory_entry_64(MAP_MEM_VM_COPY) + mach_vm_map */
	VIEW_ENTRY_READ_ONLY,	/* a read-only entry mapped with write asked */
	VIEW_ENTRY_UNALIGNED,	/* an entry whose size is not page aligned */
	VIEW_WAY_COUNT
};

struct second_view_row {
	const char *name;	/* the --view word */
	const char *kernel;	/* page_probe_kernel()'s word of its kernel */
	enum second_view_way way;
	const char *calls;	/* how the second view is made, as calls */
	const char *description;
};

/*
 * One side of a run: the original or the second view. Memory is read and
 * written at base; a side that is not plain memory (a file, a write
 * through /proc/self/mem) gives its own read or write.
 */
struct view_side {
	bool present;		/* false: the view was not made */
	unsigned char *base;	/* where it is mapped; NULL for a file */
	int fd;			/* for read and write, when they need one */
	/* NULL: memory. Returns 0, or the error the backend names. */
	int (*write)(const struct view_side *side, enum content_seed seed,
		     uint64_t length);
	/* NULL: memory. Copies length bytes out; returns 0 or the error. */
	int (*read)(const struct view_side *side, unsigned char *out,
		    uint64_t length);
};

/* The points at which the backend looks at both sides. */
enum view_step {
	VIEW_STEP_AFTER_VIEW,		/* the view was just made */
	VIEW_STEP_AFTER_ORIGINAL_WRITE,	/* the original was written */
	VIEW_STEP_AFTER_VIEW_WRITE,	/* the view was written */
	VIEW_STEP_COUNT
};

extern const char *const view_step_names[VIEW_STEP_COUNT];

/* What each side read, and how the two writes went. */
struct view_content {
	struct content_check view_reads_fill;
	struct content_check original_reads_back;
	struct content_check view_sees_original_write;
	struct content_check view_keeps_fill;
	struct content_check view_reads_back;
	struct content_check original_sees_view_write;
	struct content_check original_keeps_own;
	int original_write_error;	/* 0: written */
	int view_write_error;		/* 0: written (when the view exists) */
};

/*
 * The original was filled with CONTENT_ORIGINAL and the view made (or
 * refused). Writes the original, reads the view; writes the view, reads
 * the original; each writer reads its own write back. observe is called
 * at each step, before anything is read there (reading may fault pages).
 * Returns false if a read failed; *error then says which.
 */
bool second_view_exchange(const struct view_side *original,
			  const struct view_side *view, uint64_t length,
			  void (*observe)(void *context, enum view_step step),
			  void *context, struct view_content *content,
			  int *read_error);

/* Writes "writes" and "content"; error_name words a backend's error. */
void second_view_emit_content(const struct view_content *content,
			      bool view_present,
			      const char *(*error_name)(int error));

/*
 * Performs the row on this kernel (the caller checked it is this kernel's)
 * and prints the run as JSON. The return value is the exit status.
 */
int second_view_run(const struct second_view_row *row, size_t pages);

/* Writes the keys every run starts with: scenario, kernel, view, setup... */
void second_view_emit_row(const struct second_view_row *row);

#endif

/*
 * Linux backend of second-view (second_view.h): the same memory mapped
 * twice through a memfd, through mremap with old_size 0, or written
 * through /proc/self/mem behind a read-only private file mapping. Each
 * call that makes the view is an observation: a refusal is recorded with
 * its errno, never reported as a probe failure.
 */
#include "second_view.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fail.h"
#include "json.h"
#include "page_probe.h"
#include "pipe_io.h"

struct linux_run {
	const struct second_view_row *row;
	size_t page_size;
	size_t pages;
	struct page_buffer original_buffer;	/* unused for a file original */
	struct page_buffer view_buffer;
	bool original_is_memory;
	const char *view_call;	/* the call that made (or failed to make) the view */
	int view_errno;		/* 0: made */
	/* Per step and side; only for the sides that are memory. */
	unsigned char *observations;
	size_t record_size;
};

static struct page_observation *observation(const struct linux_run *run,
					    enum view_step step, int side)
{
	return (struct page_observation *)(run->observations +
					   ((size_t)step * 2 + (size_t)side) *
						   run->record_size);
}

/* The errno names a refusal may carry; any other is given as a number. */
static const char *error_name(int error)
{
	static char number[24];

	switch (error) {
	case EINVAL: return "EINVAL";
	case EIO: return "EIO";
	case EFAULT: return "EFAULT";
	case EPERM: return "EPERM";
	case EACCES: return "EACCES";
	case ENOMEM: return "ENOMEM";
	case EBADF: return "EBADF";
	}
	snprintf(number, sizeof(number), "errno %d", error);
	return number;
}

static int memfd_of(size_t length)
{
	int fd = memfd_create("oolprobe-second-view", MFD_CLOEXEC);

	if (fd < 0)
		fail_errno("memfd_create");
	if (ftruncate(fd, (off_t)length) != 0)
		fail_errno("ftruncate");
	return fd;
}

static unsigned char *map_or_fail(size_t length, int protection, int flags,
				  int fd, const char *call)
{
	void *mapping = mmap(NULL, length, protection, flags, fd, 0);

	if (mapping == MAP_FAILED)
		fail_errno(call);
	return mapping;
}

static int file_read(const struct view_side *side, unsigned char *out,
		     uint64_t length)
{
	ssize_t got = pread_full(side->fd, out, (size_t)length, 0);

	if (got < 0)
		return errno;
	return (uint64_t)got == length ? 0 : EIO;
}

static int file_write(const struct view_side *side, enum content_seed seed,
		      uint64_t length)
{
	unsigned char *bytes = malloc(length);
	ssize_t done;
	int error = 0;

	if (bytes == NULL)
		fail_errno("malloc");
	content_fill(bytes, length, seed);
	done = pwrite(side->fd, bytes, (size_t)length, 0);
	if (done < 0)
		error = errno;
	else if ((uint64_t)done != length)
		error = EIO;
	free(bytes);
	return error;
}

/*
 * A write through /proc/self/mem at the view's address: the kernel writes
 * with FOLL_FORCE, which may write a mapping the process itself may not.
 * Whether it does is the kernel's proc_mem.force_override setting; the
 * result is recorded either way.
 */
static int proc_mem_write(const struct view_side *side, enum content_seed seed,
			  uint64_t length)
{
	unsigned char *bytes = malloc(length);
	int error = 0;
	int fd = open("/proc/self/mem", O_RDWR | O_CLOEXEC);
	ssize_t done;

	if (bytes == NULL)
		fail_errno("malloc");
	if (fd < 0)
		fail_errno("open /proc/self/mem");
	content_fill(bytes, length, seed);
	done = pwrite(fd, bytes, (size_t)length, (off_t)(uintptr_t)side->base);
	if (done < 0)
		error = errno;
	else if ((uint64_t)done != length)
		error = EIO;
	close(fd);
	free(bytes);
	return error;
}

static void make_view(struct linux_run *run, struct view_side *original,
		      struct view_side *view)
{
	size_t length = run->pages * run->page_size;
	struct call_error error;
	void *moved;
	int fd;

	memset(original, 0, sizeof(*original));
	memset(view, 0, sizeof(*view));
	original->present = true;
	run->original_is_memory = true;
	switch (run->row->way) {
	case VIEW_MEMFD_SHARED:
	case VIEW_MEMFD_PRIVATE:
		fd = memfd_of(length);
		original->base = map_or_fail(length, PROT_READ | PROT_WRITE,
					     MAP_SHARED, fd, "mmap(MAP_SHARED)");
		content_fill(original->base, length, CONTENT_ORIGINAL);
		run->view_call = run->row->way == VIEW_MEMFD_SHARED
					 ? "mmap(MAP_SHARED)"
					 : "mmap(MAP_PRIVATE)";
		view->base = mmap(NULL, length, PROT_READ | PROT_WRITE,
				  run->row->way == VIEW_MEMFD_SHARED
					  ? MAP_SHARED : MAP_PRIVATE,
				  fd, 0);
		break;
	case VIEW_MREMAP_SHARED:
	case VIEW_MREMAP_PRIVATE:
		if (!page_buffer_map_as(&run->original_buffer, run->pages,
					run->row->way == VIEW_MREMAP_SHARED
						? PAGE_SETUP_LINUX_SHARED
						: PAGE_SETUP_DEFAULT,
					&error))
			fail_recorded(&error);
		original->base = run->original_buffer.base;
		content_fill(original->base, length, CONTENT_ORIGINAL);
		run->view_call = "mremap(old_size 0, MREMAP_MAYMOVE)";
		moved = mremap(original->base, 0, length, MREMAP_MAYMOVE);
		view->base = moved;
		break;
	case VIEW_PROC_MEM:
		fd = memfd_of(length);
		original->fd = fd;
		original->read = file_read;
		original->write = file_write;
		run->original_is_memory = false;
		if (file_write(original, CONTENT_ORIGINAL, length) != 0)
			fail_errno("pwrite memfd");
		{
			char path[64];
			int read_only;

			snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
			read_only = open(path, O_RDONLY | O_CLOEXEC);
			if (read_only < 0)
				fail_errno("open memfd read-only");
			run->view_call = "mmap(PROT_READ, MAP_PRIVATE)";
			view->base = mmap(NULL, length, PROT_READ, MAP_PRIVATE,
					  read_only, 0);
			close(read_only);
		}
		view->write = proc_mem_write;
		break;
	default:
		fail_call("second-view", "not a Linux row");
	}
	if (view->base == MAP_FAILED) {
		run->view_errno = errno;
		view->base = NULL;
		return;
	}
	view->present = true;
	run->view_buffer.base = view->base;
	run->view_buffer.page_size = run->page_size;
	run->view_buffer.pages = run->pages;
	if (run->original_is_memory) {
		run->original_buffer.base = original->base;
		run->original_buffer.page_size = run->page_size;
		run->original_buffer.pages = run->pages;
	}
}

struct observe_context {
	struct linux_run *run;
	bool view_present;
};

static void observe_both(void *context, enum view_step step)
{
	struct observe_context *here = context;
	struct call_error error;

	if (here->run->original_is_memory &&
	    !page_buffer_observe(&here->run->original_buffer,
				 observation(here->run, step, 0), &error))
		fail_recorded(&error);
	if (here->view_present &&
	    !page_buffer_observe(&here->run->view_buffer,
				 observation(here->run, step, 1), &error))
		fail_recorded(&error);
}

static void emit_side(const char *key, bool present,
		      const struct page_observation *seen)
{
	json_key(key);
	if (!present) {
		json_null();
		return;
	}
	json_begin_object();
	page_observation_emit(seen);
	json_end_object();
}

static void emit(const struct linux_run *run, bool view_present,
		 const struct view_content *content)
{
	const struct page_observation *seen[VIEW_STEP_COUNT * 2];
	size_t seen_count = 0;

	for (int step = 0; step < VIEW_STEP_COUNT; step++) {
		if (run->original_is_memory)
			seen[seen_count++] = observation(run, step, 0);
		if (view_present)
			seen[seen_count++] = observation(run, step, 1);
	}
	json_begin_object();
	second_view_emit_row(run->row);
	json_key_uint("page_size", run->page_size);
	json_key_uint("pages", run->pages);
	json_key_string("original_is", run->original_is_memory ? "memory"
							       : "file");
	json_key("calls");
	json_begin_array();
	json_begin_object();
	json_key_string("call", run->view_call);
	json_key_bool("done", view_present);
	json_key_string("error", view_present ? NULL
					      : error_name(run->view_errno));
	json_end_object();
	json_end_array();
	page_probe_emit_run(seen, seen_count);
	json_key("steps");
	json_begin_array();
	for (int step = 0; step < VIEW_STEP_COUNT; step++) {
		json_begin_object();
		json_key_string("step", view_step_names[step]);
		emit_side("original", run->original_is_memory,
			  observation(run, step, 0));
		emit_side("view", view_present, observation(run, step, 1));
		json_end_object();
	}
	json_end_array();
	second_view_emit_content(content, view_present, error_name);
	json_end_object();
	json_finish();
}

int second_view_run(const struct second_view_row *row, size_t pages)
{
	struct linux_run run;
	struct view_side original, view;
	struct view_content content;
	struct observe_context context;
	long page_size = sysconf(_SC_PAGESIZE);
	int read_error;

	if (page_size <= 0)
		fail_errno("sysconf(_SC_PAGESIZE)");
	memset(&run, 0, sizeof(run));
	run.row = row;
	run.pages = pages;
	run.page_size = (size_t)page_size;
	run.record_size = page_observation_size();
	run.observations = calloc(VIEW_STEP_COUNT * 2, run.record_size);
	if (run.observations == NULL)
		fail_errno("calloc");

	make_view(&run, &original, &view);
	context.run = &run;
	context.view_present = view.present;
	if (!second_view_exchange(&original, &view,
				  (uint64_t)pages * run.page_size,
				  observe_both, &context, &content,
				  &read_error))
		fail_call("read the file back", strerror(read_error));
	emit(&run, view.present, &content);
	free(run.observations);
	return 0;
}

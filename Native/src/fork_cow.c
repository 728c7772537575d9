/*
 * fork-cow: how a private buffer is backed across fork(), step by step.
 *
 *   1. parent maps the buffer                        after-map
 *   2. parent writes every page                      after-write
 *   3. parent forks; the child looks                 child-after-fork
 *   4. child writes every page                       child-after-write
 *   5. parent looks, the child still alive           parent-before-write
 *   6. parent writes every page                      parent-after-write
 *
 * The two processes take turns through pipes only: the child reports its
 * two observations, then blocks until the parent releases it, so the
 * parent's steps 5 and 6 always happen while the child still maps the
 * buffer. Only the parent writes stdout.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "args.h"
#include "commands.h"
#include "fail.h"
#include "json.h"
#include "page_probe.h"
#include "child_status.h"
#include "pipe_io.h"

enum step {
	AFTER_MAP,
	AFTER_WRITE,
	CHILD_AFTER_FORK,
	CHILD_AFTER_WRITE,
	PARENT_BEFORE_WRITE,
	PARENT_AFTER_WRITE,
	STEP_COUNT
};

static const struct {
	const char *name;
	const char *actor;
} steps[STEP_COUNT] = {
	[AFTER_MAP] = { "after-map", "parent" },
	[AFTER_WRITE] = { "after-write", "parent" },
	[CHILD_AFTER_FORK] = { "child-after-fork", "child" },
	[CHILD_AFTER_WRITE] = { "child-after-write", "child" },
	[PARENT_BEFORE_WRITE] = { "parent-before-write", "parent" },
	[PARENT_AFTER_WRITE] = { "parent-after-write", "parent" },
};

/* A different byte per write, so every write changes the page's contents. */
enum {
	PARENT_FIRST_FILL = 0xa1,
	CHILD_FILL = 0xc4,
	PARENT_SECOND_FILL = 0xa6,
};

/* First thing the child sends: either its observations follow, or an error. */
struct child_report {
	bool failed;
	struct call_error error;
};

/*
 * Observations live in one array of backend-sized records, allocated before
 * the fork so the child fills its own copy of the same slots.
 */
struct observations {
	unsigned char *storage;
	size_t record_size;
};

static struct page_observation *observation(const struct observations *all,
					    enum step step)
{
	return (struct page_observation *)(all->storage +
					   (size_t)step * all->record_size);
}

static void fill_pages(const struct page_buffer *buffer, unsigned char value)
{
	/* Nothing reads these bytes back, so plain stores could be dropped. */
	volatile unsigned char *byte = buffer->base;
	size_t length = buffer->pages * buffer->page_size;

	for (size_t i = 0; i < length; i++)
		byte[i] = value;
}

static void observe_or_fail(const struct page_buffer *buffer,
			    const struct observations *all, enum step step)
{
	struct call_error error;

	if (!page_buffer_observe(buffer, observation(all, step), &error))
		fail_recorded(&error);
}

/* Returns on end of file (the parent closed the pipe or died) or on a byte. */
static void wait_for_release(int release_fd)
{
	char byte;

	while (read(release_fd, &byte, 1) < 0 && errno == EINTR)
		continue;
}

/*
 * The child never calls fail_*() or exit(): its errors go to the parent,
 * and _exit keeps it from flushing stdio buffers copied from the parent.
 */
static _Noreturn void run_child(const struct page_buffer *buffer,
				const struct observations *all, pid_t parent,
				int report_fd, int release_fd)
{
	struct child_report report;
	bool ok;

	memset(&report, 0, sizeof(report));
	ok = page_probe_child_setup(parent, &report.error) &&
	     page_buffer_observe(buffer, observation(all, CHILD_AFTER_FORK),
				 &report.error);
	if (ok) {
		fill_pages(buffer, CHILD_FILL);
		ok = page_buffer_observe(buffer,
					 observation(all, CHILD_AFTER_WRITE),
					 &report.error);
	}
	report.failed = !ok;

	if (write_full(report_fd, &report, sizeof(report)) != 0 || !ok)
		_exit(1);
	if (write_full(report_fd, observation(all, CHILD_AFTER_FORK),
		       all->record_size) != 0 ||
	    write_full(report_fd, observation(all, CHILD_AFTER_WRITE),
		       all->record_size) != 0)
		_exit(1);
	close(report_fd);

	wait_for_release(release_fd);
	_exit(0);
}

static _Noreturn void fail_child_ended_early(pid_t child, int release_fd)
{
	char how[96];
	char text[128];

	close(release_fd);
	describe_wait_status(reap_child(child), how, sizeof(how));
	snprintf(text, sizeof(text), "%s before reporting", how);
	fail_call("child", text);
}

static void receive_record(pid_t child, int report_fd, int release_fd,
			   void *record, size_t size)
{
	ssize_t got = read_full(report_fd, record, size);

	if (got < 0)
		fail_errno("read from child");
	if ((size_t)got != size)
		fail_child_ended_early(child, release_fd);
}

static void receive_child_observations(pid_t child, int report_fd,
				       int release_fd,
				       const struct observations *all)
{
	struct child_report report;

	receive_record(child, report_fd, release_fd, &report, sizeof(report));
	if (report.failed) {
		char call[sizeof(report.error.call) + 8];

		/* The child exits right after its error record; reap it first. */
		close(release_fd);
		reap_child(child);
		report.error.call[sizeof(report.error.call) - 1] = '\0';
		report.error.text[sizeof(report.error.text) - 1] = '\0';
		snprintf(call, sizeof(call), "child: %s", report.error.call);
		fail_call(call, report.error.text);
	}
	receive_record(child, report_fd, release_fd,
		       observation(all, CHILD_AFTER_FORK), all->record_size);
	receive_record(child, report_fd, release_fd,
		       observation(all, CHILD_AFTER_WRITE), all->record_size);
}

static void release_child(pid_t child, int release_fd)
{
	char how[96];
	int status;

	close(release_fd);
	status = reap_child(child);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return;
	describe_wait_status(status, how, sizeof(how));
	fail_call("child", how);
}

static void fork_and_observe(const struct page_buffer *buffer,
			     const struct observations *all)
{
	pid_t parent = getpid();
	int report_pipe[2];
	int release_pipe[2];
	pid_t child;

	if (pipe(report_pipe) != 0 || pipe(release_pipe) != 0)
		fail_errno("pipe");

	child = fork();
	if (child < 0)
		fail_errno("fork");
	if (child == 0) {
		/* Without closing its copy of the write end, the child would
		 * never see the release pipe's end of file. */
		close(report_pipe[0]);
		close(release_pipe[1]);
		run_child(buffer, all, parent, report_pipe[1], release_pipe[0]);
	}
	close(report_pipe[1]);
	close(release_pipe[0]);

	receive_child_observations(child, report_pipe[0], release_pipe[1], all);
	close(report_pipe[0]);

	observe_or_fail(buffer, all, PARENT_BEFORE_WRITE);
	fill_pages(buffer, PARENT_SECOND_FILL);
	observe_or_fail(buffer, all, PARENT_AFTER_WRITE);

	release_child(child, release_pipe[1]);
}

static void emit(const struct page_buffer *buffer,
		 const struct observations *all)
{
	const struct page_observation *list[STEP_COUNT];

	for (size_t i = 0; i < STEP_COUNT; i++)
		list[i] = observation(all, (enum step)i);

	json_begin_object();
	json_key_string("scenario", "fork-cow");
	json_key_string("kernel", page_probe_kernel());
	json_key_uint("page_size", buffer->page_size);
	json_key_uint("pages", buffer->pages);
	json_key_uint("buffer", (uintptr_t)buffer->base);
	page_probe_emit_run(list, STEP_COUNT);
	json_key("steps");
	json_begin_array();
	for (size_t i = 0; i < STEP_COUNT; i++) {
		json_begin_object();
		json_key_string("step", steps[i].name);
		json_key_string("actor", steps[i].actor);
		page_observation_emit(list[i]);
		json_end_object();
	}
	json_end_array();
	json_end_object();
	json_finish();
}

enum { OPTION_PAGES, OPTION_COUNT };

static const struct option_spec options[OPTION_COUNT] = {
	[OPTION_PAGES] = { .name = "--pages", .kind = OPTION_NUMBER,
			   .min = 1, .max = PAGE_PROBE_MAX_PAGES,
			   .fallback = 1 },
};

int fork_cow_main(const char *command, int argc, char *argv[])
{
	struct option_value values[OPTION_COUNT];
	struct observations all;
	struct page_buffer buffer;
	struct call_error error;

	parse_options(command, options, OPTION_COUNT, argc, argv, values);

	all.record_size = page_observation_size();
	all.storage = calloc(STEP_COUNT, all.record_size);
	if (all.storage == NULL)
		fail_errno("calloc");

	if (!page_buffer_map(&buffer, (size_t)values[OPTION_PAGES].number,
			     &error))
		fail_recorded(&error);
	observe_or_fail(&buffer, &all, AFTER_MAP);
	fill_pages(&buffer, PARENT_FIRST_FILL);
	observe_or_fail(&buffer, &all, AFTER_WRITE);

	fork_and_observe(&buffer, &all);

	emit(&buffer, &all);
	free(all.storage);
	return 0;
}

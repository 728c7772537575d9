/*
 * fork-cow: how a private buffer is backed across fork(), step by step,
 * and what each process reads back.
 *
 *   1. parent maps the buffer                  after-map
 *   2. parent writes every page                after-write
 *   3. parent forks; the child looks           child-after-fork
 *      then reads the parent's data            child_reads_parent_data
 *   4. child writes its range (--child-writes) child-after-write
 *   5. parent looks, the child still alive     parent-before-write
 *      then reads its own data                 parent_never_reads_child_write
 *   6. parent writes every page                parent-after-write
 *   7. the child, released, reads its buffer   child_never_reads_parent_write
 *
 * The two processes take turns through pipes only: the child reports its
 * two observations, then blocks until the parent releases it, so the
 * parent's steps 5 and 6 always happen while the child still maps the
 * buffer; released, it reports its last check and exits. Only the parent
 * writes stdout.
 *
 * Every read of the data comes after the step's observation: a read may
 * fault a page in, and the observations must not depend on the checks.
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
#include "content.h"
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

/* How much of the buffer the child writes; the parent always writes it all. */
enum child_writes {
	CHILD_WRITES_ALL,
	CHILD_WRITES_FIRST,	/* the first page only */
};

static const char *const child_writes_choices[] = { "all", "first", NULL };

/*
 * First thing the child sends: either its observations follow, or an error.
 * The check is of what it read right after its first observation.
 */
struct child_report {
	bool failed;
	struct call_error error;
	struct content_check reads_parent_data;
};

/* Last thing the child sends, once released: what it read then. */
struct child_final_report {
	struct content_check never_reads_parent_write;
};

/* What the reads of both processes found, in the order they read. */
struct content_checks {
	struct content_check child_reads_parent_data;
	struct content_check parent_never_reads_child_write;
	struct content_check child_never_reads_parent_write;
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

static uint64_t buffer_length(const struct page_buffer *buffer)
{
	return (uint64_t)buffer->pages * buffer->page_size;
}

/* Bytes from the start of the buffer that the child writes. */
static uint64_t child_write_length(const struct page_buffer *buffer,
				   enum child_writes writes)
{
	return writes == CHILD_WRITES_FIRST ? buffer->page_size
					    : buffer_length(buffer);
}

/* The child's range reads its own data, the rest still the parent's. */
static void expect_child_view(const struct page_buffer *buffer,
			      uint64_t child_length,
			      struct content_check *check)
{
	content_check_begin(check);
	content_expect(check, buffer->base, 0, child_length, CONTENT_CHILD);
	content_expect(check, buffer->base, child_length,
		       buffer_length(buffer) - child_length, CONTENT_PARENT);
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
				const struct observations *all,
				uint64_t child_length, pid_t parent,
				int report_fd, int release_fd)
{
	struct child_report report;
	struct child_final_report final;
	bool ok;

	memset(&report, 0, sizeof(report));
	ok = page_probe_child_setup(parent, &report.error) &&
	     page_buffer_observe(buffer, observation(all, CHILD_AFTER_FORK),
				 &report.error);
	if (ok) {
		content_check_begin(&report.reads_parent_data);
		content_expect(&report.reads_parent_data, buffer->base, 0,
			       buffer_length(buffer), CONTENT_PARENT);
		content_fill(buffer->base, child_length, CONTENT_CHILD);
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

	wait_for_release(release_fd);
	memset(&final, 0, sizeof(final));
	expect_child_view(buffer, child_length,
			  &final.never_reads_parent_write);
	if (write_full(report_fd, &final, sizeof(final)) != 0)
		_exit(1);
	close(report_fd);
	_exit(0);
}

/* release_fd is -1 once the child was released. */
static _Noreturn void fail_child_ended_early(pid_t child, int release_fd)
{
	char how[96];
	char text[128];

	if (release_fd >= 0)
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
				       const struct observations *all,
				       struct content_checks *checks)
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
	checks->child_reads_parent_data = report.reads_parent_data;
	receive_record(child, report_fd, release_fd,
		       observation(all, CHILD_AFTER_FORK), all->record_size);
	receive_record(child, report_fd, release_fd,
		       observation(all, CHILD_AFTER_WRITE), all->record_size);
}

/*
 * End of file on the release pipe lets the child go on; it reads its
 * buffer and reports that before it exits.
 */
static void release_child(pid_t child, int report_fd, int release_fd,
			  struct content_checks *checks)
{
	struct child_final_report final;
	char how[96];
	int status;

	close(release_fd);
	receive_record(child, report_fd, -1, &final, sizeof(final));
	checks->child_never_reads_parent_write = final.never_reads_parent_write;
	close(report_fd);
	status = reap_child(child);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return;
	describe_wait_status(status, how, sizeof(how));
	fail_call("child", how);
}

static void fork_and_observe(const struct page_buffer *buffer,
			     const struct observations *all,
			     uint64_t child_length,
			     struct content_checks *checks)
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
		run_child(buffer, all, child_length, parent, report_pipe[1],
			  release_pipe[0]);
	}
	close(report_pipe[1]);
	close(release_pipe[0]);

	receive_child_observations(child, report_pipe[0], release_pipe[1], all,
				   checks);

	observe_or_fail(buffer, all, PARENT_BEFORE_WRITE);
	content_check_begin(&checks->parent_never_reads_child_write);
	content_expect(&checks->parent_never_reads_child_write, buffer->base, 0,
		       buffer_length(buffer), CONTENT_PARENT);
	content_fill(buffer->base, buffer_length(buffer),
		     CONTENT_PARENT_AGAIN);
	observe_or_fail(buffer, all, PARENT_AFTER_WRITE);

	release_child(child, report_pipe[0], release_pipe[1], checks);
}

static void emit_content(const struct content_checks *checks)
{
	json_key("content");
	json_begin_object();
	content_check_emit("child_reads_parent_data",
			   &checks->child_reads_parent_data);
	content_check_emit("parent_never_reads_child_write",
			   &checks->parent_never_reads_child_write);
	content_check_emit("child_never_reads_parent_write",
			   &checks->child_never_reads_parent_write);
	json_end_object();
}

static void emit(const struct page_buffer *buffer,
		 const struct observations *all, enum child_writes writes,
		 const struct content_checks *checks)
{
	const struct page_observation *list[STEP_COUNT];

	for (size_t i = 0; i < STEP_COUNT; i++)
		list[i] = observation(all, (enum step)i);

	json_begin_object();
	json_key_string("scenario", "fork-cow");
	json_key_string("kernel", page_probe_kernel());
	json_key_uint("page_size", buffer->page_size);
	json_key_uint("pages", buffer->pages);
	json_key_string("child_writes", child_writes_choices[writes]);
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
	emit_content(checks);
	json_end_object();
	json_finish();
}

enum { OPTION_PAGES, OPTION_CHILD_WRITES, OPTION_COUNT };

static const struct option_spec options[OPTION_COUNT] = {
	[OPTION_PAGES] = { .name = "--pages", .kind = OPTION_NUMBER,
			   .min = 1, .max = PAGE_PROBE_MAX_PAGES,
			   .fallback = 1 },
	[OPTION_CHILD_WRITES] = { .name = "--child-writes",
				  .kind = OPTION_CHOICE,
				  .choices = child_writes_choices,
				  .fallback = CHILD_WRITES_ALL },
};

int fork_cow_main(const char *command, int argc, char *argv[])
{
	struct option_value values[OPTION_COUNT];
	struct observations all;
	struct page_buffer buffer;
	struct call_error error;
	struct content_checks checks;
	enum child_writes writes;

	parse_options(command, options, OPTION_COUNT, argc, argv, values);
	writes = (enum child_writes)values[OPTION_CHILD_WRITES].choice;
	memset(&checks, 0, sizeof(checks));

	all.record_size = page_observation_size();
	all.storage = calloc(STEP_COUNT, all.record_size);
	if (all.storage == NULL)
		fail_errno("calloc");

	if (!page_buffer_map(&buffer, (size_t)values[OPTION_PAGES].number,
			     &error))
		fail_recorded(&error);
	observe_or_fail(&buffer, &all, AFTER_MAP);
	content_fill(buffer.base, buffer_length(&buffer), CONTENT_PARENT);
	observe_or_fail(&buffer, &all, AFTER_WRITE);

	fork_and_observe(&buffer, &all, child_write_length(&buffer, writes),
			 &checks);

	emit(&buffer, &all, writes, &checks);
	free(all.storage);
	return 0;
}

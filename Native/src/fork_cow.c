/*
 * fork-cow: how a private buffer is backed across fork(), step by step,
 * and what each process reads back.
 *
 *   1. parent maps the buffer                  after-map
 *   2. parent writes every page                after-write
 *   3. parent forks; the child looks           child-after-fork
 *      then reads the parent's data            child_reads_parent_data
 *   4. child writes its range (--child-writes) child-after-write
 *      looks, then reads its own write back    read_back.child
 *   5. parent looks, the child still alive     parent-before-write
 *      then reads its own data                 parent_never_reads_child_write
 *   6. parent writes every page                parent-after-write
 *      looks, then reads its own write back    read_back.parent
 *   7. the child, let go, reads its buffer     child_never_reads_parent_write
 *
 * A "never reads" check passes when the reader finds its own bytes, which
 * proves nothing unless the other side's write happened: so each writer
 * reads its write back right after making it. And each reading is also
 * compared with the bytes it must not be (a control): the patterns of two
 * writers (and zeros) differ at every offset, and each control covers
 * bytes the other writer wrote, so a control that reports no difference
 * means the comparison itself did not compare.
 *
 * The two processes take turns through pipes only (fork_link.h): the
 * child reports its two observations, then blocks until the parent lets
 * it go, so the parent's steps 5 and 6 always happen while the child still
 * maps the buffer; let go, it reports its last check and exits. Only the
 * parent writes stdout.
 *
 * Every read of the data comes after the step's observation: a read may
 * fault a page in, and the observations must not depend on the checks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "content.h"
#include "fail.h"
#include "fork_link.h"
#include "json.h"
#include "page_probe.h"

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

/* What the child reports before it blocks: its reading at the fork, and its own write. */
struct child_first_report {
	struct content_check reads_parent_data;
	struct content_check against_zeros;	/* control: must differ */
	struct content_check own_write;		/* read back right after writing */
};

/* What the child reports once let go: its buffer after the parent's write. */
struct child_last_report {
	struct content_check never_reads_parent_write;
	struct content_check against_parent_write;	/* control: must differ */
};

/* What the reads of both processes found. */
struct content_checks {
	struct child_first_report child_first;
	struct content_check parent_never_reads_child_write;
	struct content_check parent_against_child_write;	/* control */
	struct content_check parent_own_write;	/* read back right after writing */
	struct child_last_report child_last;
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

/* The whole buffer against one writer's pattern (or zeros). */
static void expect_all(const struct page_buffer *buffer,
		       enum content_seed seed, struct content_check *check)
{
	content_check_begin(check);
	content_expect(check, buffer->base, 0, buffer_length(buffer), seed);
}

static void observe_or_fail(const struct page_buffer *buffer,
			    const struct observations *all, enum step step)
{
	struct call_error error;

	if (!page_buffer_observe(buffer, observation(all, step), &error))
		fail_recorded(&error);
}

/*
 * The child: observe, read, write, observe, read back, report; wait until
 * the parent has written again; read, report.
 */
static _Noreturn void run_child(const struct page_buffer *buffer,
				const struct observations *all,
				uint64_t child_length,
				const struct fork_link *link)
{
	struct child_first_report first;
	struct child_last_report last;
	struct call_error error;

	memset(&first, 0, sizeof(first));
	memset(&last, 0, sizeof(last));
	if (!page_probe_child_setup(link->parent, &error) ||
	    !page_buffer_observe(buffer, observation(all, CHILD_AFTER_FORK),
				 &error))
		fork_link_send_failure(link, &error);
	expect_all(buffer, CONTENT_PARENT, &first.reads_parent_data);
	expect_all(buffer, CONTENT_ZEROS, &first.against_zeros);
	content_fill(buffer->base, child_length, CONTENT_CHILD);
	if (!page_buffer_observe(buffer, observation(all, CHILD_AFTER_WRITE),
				 &error))
		fork_link_send_failure(link, &error);
	expect_child_view(buffer, child_length, &first.own_write);

	/* The parent looks (step 5) once these arrive: after the child wrote. */
	fork_link_send(link, &first, sizeof(first));
	fork_link_send(link, observation(all, CHILD_AFTER_FORK),
		       all->record_size);
	fork_link_send(link, observation(all, CHILD_AFTER_WRITE),
		       all->record_size);

	fork_link_wait(link);
	expect_child_view(buffer, child_length, &last.never_reads_parent_write);
	expect_all(buffer, CONTENT_PARENT_AGAIN, &last.against_parent_write);
	fork_link_send(link, &last, sizeof(last));
	fork_link_child_done(link);
}

static void run_parent(const struct page_buffer *buffer,
		       const struct observations *all,
		       const struct fork_link *link, uint64_t child_length,
		       struct content_checks *checks)
{
	fork_link_receive(link, &checks->child_first,
			  sizeof(checks->child_first));
	fork_link_receive(link, observation(all, CHILD_AFTER_FORK),
			  all->record_size);
	fork_link_receive(link, observation(all, CHILD_AFTER_WRITE),
			  all->record_size);

	observe_or_fail(buffer, all, PARENT_BEFORE_WRITE);
	expect_all(buffer, CONTENT_PARENT,
		   &checks->parent_never_reads_child_write);
	expect_child_view(buffer, child_length,
			  &checks->parent_against_child_write);
	content_fill(buffer->base, buffer_length(buffer),
		     CONTENT_PARENT_AGAIN);
	observe_or_fail(buffer, all, PARENT_AFTER_WRITE);
	expect_all(buffer, CONTENT_PARENT_AGAIN, &checks->parent_own_write);

	/* Only now may the child read: the parent's second write is done. */
	fork_link_go(link);
	fork_link_receive(link, &checks->child_last,
			  sizeof(checks->child_last));
}

static void fork_and_observe(const struct page_buffer *buffer,
			     const struct observations *all,
			     uint64_t child_length,
			     struct content_checks *checks)
{
	struct fork_link link;

	if (fork_link_start(&link))
		run_child(buffer, all, child_length, &link);
	run_parent(buffer, all, &link, child_length, checks);
	fork_link_finish(&link);
}

static void emit_content(const struct content_checks *checks)
{
	json_key("content");
	json_begin_object();
	content_check_emit("child_reads_parent_data",
			   &checks->child_first.reads_parent_data);
	content_check_emit("parent_never_reads_child_write",
			   &checks->parent_never_reads_child_write);
	content_check_emit("child_never_reads_parent_write",
			   &checks->child_last.never_reads_parent_write);
	json_key("read_back");
	json_begin_object();
	content_check_emit("child", &checks->child_first.own_write);
	content_check_emit("parent", &checks->parent_own_write);
	json_end_object();
	json_key("controls");
	json_begin_object();
	content_check_emit("child_at_fork_against_zeros",
			   &checks->child_first.against_zeros);
	content_check_emit("parent_against_child_write",
			   &checks->parent_against_child_write);
	content_check_emit("child_against_parent_write",
			   &checks->child_last.against_parent_write);
	json_end_object();
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

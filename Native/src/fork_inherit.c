/*
 * fork-inherit: what a forked child inherits of a buffer, one mode at a
 * time, and whether data written after the fork is seen across it.
 *
 *   1. parent maps the buffer as the mode says, fills it      parent-after-fill
 *   2. parent forks; the child looks (if it maps the buffer)  child-after-fork
 *      and reads it: the parent's data, zeros, or nothing
 *   3. parent writes again, looks, reads it back             parent-after-write
 *      the child reads: does it see that write?
 *   4. the child writes (if it maps the buffer), looks,       child-after-write
 *      and reads it back
 *   5. parent looks, then reads: does it see that write?      parent-after-child-write
 *   6. parent releases the child and reaps it
 *
 * "The parent never sees the child's write" proves nothing unless the
 * child wrote: so each writer reads its own write back right after making
 * it (after looking), and the claims require that read-back.
 *
 * Every step first asks the kernel whether the process maps the buffer
 * (page_buffer_is_mapped) and looks only if it does; a process never reads
 * or writes a buffer it does not map. Looking comes before reading, since
 * a read may fault pages in. The two processes take turns through pipes
 * only (fork_link.h); only the parent writes stdout.
 *
 * The modes are one table: each row is one kernel's way to set the buffer
 * up, and nothing else about a mode is special-cased.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "content.h"
#include "fail.h"
#include "fork_link.h"
#include "json.h"
#include "page_probe.h"

enum kernel { KERNEL_XNU, KERNEL_LINUX, KERNEL_COUNT };

static const struct {
	const char *id;		/* page_probe_kernel()'s word */
	const char *name;	/* for people */
} kernels[KERNEL_COUNT] = {
	[KERNEL_XNU] = { "xnu", "XNU" },
	[KERNEL_LINUX] = { "linux", "Linux" },
};

struct inherit_mode {
	const char *name;		/* the --mode word */
	enum kernel kernel;		/* the kernel that has this way */
	enum page_buffer_setup setup;	/* how the buffer is set up */
	const char *calls;		/* the same, as the calls made */
	const char *description;
};

/*
 * What decides each mode, as read in the kernels' sources. XNU (read, not
 * run here): xnu-10002.81.5 (macOS 14) and xnu-11417.121.6 (macOS 15.5),
 * osfmk/vm/vm_map.c, the same on these paths in both; fork calls
 * vm_map_fork(ledger, parent map, 0) (osfmk/kern/task.c), which switches
 * on each entry's inheritance. Linux (run here, 6.18): dup_mmap walks the
 * parent's VMAs (kernel/fork.c in older kernels, mm/mmap.c in recent
 * ones), madvise_vma_behavior (mm/madvise.c) sets the flags it reads,
 * vma_needs_copy (mm/memory.c) decides whether page tables are copied.
 */
static const struct inherit_mode modes[] = {
	/*
	 * mach_vm_allocate_kernel enters the range with VM_INHERIT_DEFAULT,
	 * which mach/vm_inherit.h defines as VM_INHERIT_COPY; vm_map_fork's
	 * VM_INHERIT_COPY case then as for "copy".
	 */
	{ "default", KERNEL_XNU, PAGE_SETUP_DEFAULT, "vm_allocate",
	  "vm_allocate'd memory left with the inheritance vm_allocate gives "
	  "it (VM_INHERIT_DEFAULT, which is VM_INHERIT_COPY): the child is to "
	  "get a copy of the buffer as it was at the fork" },
	/*
	 * vm_map_inherit sets entry->inheritance; vm_map_fork's
	 * VM_INHERIT_SHARE case calls vm_map_fork_share: both entries
	 * reference the same VM object (is_shared; a symmetric object turns
	 * COPY_DELAY), after a shadow is made if the entry was needs_copy.
	 */
	{ "share", KERNEL_XNU, PAGE_SETUP_XNU_INHERIT_SHARE,
	  "vm_allocate + vm_inherit(VM_INHERIT_SHARE)",
	  "vm_inherit(VM_INHERIT_SHARE): parent and child are to map the same "
	  "memory, each seeing the other's writes" },
	/*
	 * vm_map_fork's VM_INHERIT_COPY case: vm_object_copy_quickly on the
	 * entry's object, needs_copy set on both entries (copy-on-write),
	 * the parent's pages write-protected; vm_map_fork_copy (a
	 * vm_map_copyin with VM_MAP_COPYIN_FORK) when the entry is wired or
	 * its object true_share.
	 */
	{ "copy", KERNEL_XNU, PAGE_SETUP_XNU_INHERIT_COPY,
	  "vm_allocate + vm_inherit(VM_INHERIT_COPY)",
	  "vm_inherit(VM_INHERIT_COPY), set explicitly: the child is to get a "
	  "copy of the buffer as it was at the fork; later writes stay on "
	  "their side" },
	/*
	 * vm_map_fork's VM_INHERIT_NONE case breaks out: no entry in the
	 * child's map (only a corpse fork, VM_MAP_FORK_SHARE_IF_INHERIT_NONE,
	 * shares such entries read-only).
	 */
	{ "none", KERNEL_XNU, PAGE_SETUP_XNU_INHERIT_NONE,
	  "vm_allocate + vm_inherit(VM_INHERIT_NONE)",
	  "vm_inherit(VM_INHERIT_NONE): the child is to have nothing mapped "
	  "at the buffer's address" },
	/*
	 * dup_mmap: vm_area_dup, anon_vma_fork, then copy_page_range, which
	 * copies the page tables (vma_needs_copy: the VMA has an anon_vma)
	 * write-protected on both sides: copy-on-write.
	 */
	{ "private", KERNEL_LINUX, PAGE_SETUP_DEFAULT,
	  "mmap(MAP_PRIVATE|MAP_ANONYMOUS)",
	  "mmap(MAP_PRIVATE|MAP_ANONYMOUS), the default: the child is to get a "
	  "copy-on-write copy of the buffer as it was at the fork; later "
	  "writes stay on their side" },
	/*
	 * A MAP_SHARED anonymous mapping is a shmem object (shmem_zero_setup).
	 * dup_mmap duplicates the VMA onto the same object; copy_page_range
	 * copies no page tables (vma_needs_copy: no anon_vma), so the child
	 * faults the same pages in from the object when it touches them.
	 */
	{ "shared", KERNEL_LINUX, PAGE_SETUP_LINUX_SHARED,
	  "mmap(MAP_SHARED|MAP_ANONYMOUS)",
	  "mmap(MAP_SHARED|MAP_ANONYMOUS): parent and child are to map the "
	  "same pages, each seeing the other's writes" },
	/*
	 * madvise_vma_behavior: MADV_DONTFORK sets VM_DONTCOPY; dup_mmap
	 * clears such a VMA's range from the child's tree
	 * (vma_iter_clear_gfp) and skips it.
	 */
	{ "dontfork", KERNEL_LINUX, PAGE_SETUP_LINUX_DONTFORK,
	  "mmap(MAP_PRIVATE|MAP_ANONYMOUS) + madvise(MADV_DONTFORK)",
	  "MAP_PRIVATE with madvise(MADV_DONTFORK): the child is to have "
	  "nothing mapped at the buffer's address" },
	/*
	 * madvise_vma_behavior: MADV_WIPEONFORK sets VM_WIPEONFORK (private
	 * anonymous only: EINVAL for a file or VM_SHARED). dup_mmap gives the
	 * child's VMA no anon_vma and skips copy_page_range: the child faults
	 * in fresh zero-filled pages.
	 */
	{ "wipeonfork", KERNEL_LINUX, PAGE_SETUP_LINUX_WIPEONFORK,
	  "mmap(MAP_PRIVATE|MAP_ANONYMOUS) + madvise(MADV_WIPEONFORK)",
	  "MAP_PRIVATE with madvise(MADV_WIPEONFORK): the child is to find the "
	  "buffer mapped but zero-filled; its writes are its own" },
};

#define MODE_COUNT (sizeof(modes) / sizeof(modes[0]))

enum step {
	PARENT_AFTER_FILL,
	CHILD_AFTER_FORK,
	PARENT_AFTER_WRITE,
	CHILD_AFTER_WRITE,
	PARENT_AFTER_CHILD_WRITE,
	STEP_COUNT
};

static const struct {
	const char *name;
	const char *actor;
} steps[STEP_COUNT] = {
	[PARENT_AFTER_FILL] = { "parent-after-fill", "parent" },
	[CHILD_AFTER_FORK] = { "child-after-fork", "child" },
	[PARENT_AFTER_WRITE] = { "parent-after-write", "parent" },
	[CHILD_AFTER_WRITE] = { "child-after-write", "child" },
	[PARENT_AFTER_CHILD_WRITE] = { "parent-after-child-write", "parent" },
};

/* What the child found at the fork. */
enum reading { READ_UNMAPPED, READ_PARENT, READ_ZEROS, READ_OTHER };

static const char *const reading_names[] = {
	[READ_UNMAPPED] = "unmapped",
	[READ_PARENT] = "parent",
	[READ_ZEROS] = "zeros",
	[READ_OTHER] = "other",
};

/* The child's reports: plain bytes, each followed by its observation. */
struct at_fork_report {
	struct content_check parent;	/* reads the parent's fill */
	struct content_check zeros;	/* reads zeros */
};

struct after_write_report {
	struct content_check parent_again;	/* reads the parent's write */
	struct content_check as_at_fork;	/* still reads what it read */
	struct content_check own_write;		/* its write, read back */
};

/*
 * One run. Per step: whether the actor mapped the buffer, and (only then)
 * how it was backed; all allocated before the fork, so the child fills
 * its own copy of the same slots and sends them over.
 */
struct run {
	const struct inherit_mode *mode;
	struct page_buffer buffer;
	bool mapped[STEP_COUNT];
	unsigned char *observations;
	size_t record_size;
	struct at_fork_report at_fork;
	struct after_write_report after_write;
	struct content_check parent_own_write;		/* read back at once */
	struct content_check parent_reads_child;	/* the child's write */
	struct content_check parent_keeps_own;		/* its own last write */
	struct content_check parent_against_fill;	/* control: must differ */
};

static struct page_observation *observation(const struct run *run,
					    enum step step)
{
	return (struct page_observation *)(run->observations +
					   (size_t)step * run->record_size);
}

static uint64_t buffer_length(const struct page_buffer *buffer)
{
	return (uint64_t)buffer->pages * buffer->page_size;
}

/* Whether the buffer is mapped, and if it is, how it is backed. */
static bool observe_step(struct run *run, enum step step,
			 struct call_error *error)
{
	if (!page_buffer_is_mapped(&run->buffer, &run->mapped[step], error))
		return false;
	return !run->mapped[step] ||
	       page_buffer_observe(&run->buffer, observation(run, step), error);
}

static void observe_or_fail(struct run *run, enum step step)
{
	struct call_error error;

	if (!observe_step(run, step, &error))
		fail_recorded(&error);
}

static void check_content(struct content_check *check,
			  const struct page_buffer *buffer,
			  enum content_seed seed)
{
	content_check_begin(check);
	content_expect(check, buffer->base, 0, buffer_length(buffer), seed);
}

static enum reading reading_at_fork(bool mapped,
				    const struct at_fork_report *report)
{
	if (!mapped)
		return READ_UNMAPPED;
	if (report->parent.holds)
		return READ_PARENT;
	if (report->zeros.holds)
		return READ_ZEROS;
	return READ_OTHER;
}

/*
 * A child's step crosses as three records: whether it mapped the buffer,
 * what it read, and how the buffer was backed (sent even when unmapped, so
 * the exchange has one shape; the parent then ignores it).
 */
static void send_step(const struct fork_link *link, const struct run *run,
		      enum step step, const void *report, size_t report_size)
{
	fork_link_send(link, &run->mapped[step], sizeof(run->mapped[step]));
	fork_link_send(link, report, report_size);
	fork_link_send(link, observation(run, step), run->record_size);
}

static void receive_step(const struct fork_link *link, struct run *run,
			 enum step step, void *report, size_t report_size)
{
	fork_link_receive(link, &run->mapped[step], sizeof(run->mapped[step]));
	fork_link_receive(link, report, report_size);
	fork_link_receive(link, observation(run, step), run->record_size);
}

/* The child: observe, read, report; wait; read, write, observe, report. */
static _Noreturn void run_child(struct run *run, const struct fork_link *link)
{
	struct call_error error;
	enum reading reading;

	memset(&run->at_fork, 0, sizeof(run->at_fork));
	memset(&run->after_write, 0, sizeof(run->after_write));

	if (!page_probe_child_setup(link->parent, &error) ||
	    !observe_step(run, CHILD_AFTER_FORK, &error))
		fork_link_send_failure(link, &error);
	if (run->mapped[CHILD_AFTER_FORK]) {
		check_content(&run->at_fork.parent, &run->buffer,
			      CONTENT_PARENT);
		check_content(&run->at_fork.zeros, &run->buffer,
			      CONTENT_ZEROS);
	}
	reading = reading_at_fork(run->mapped[CHILD_AFTER_FORK],
				  &run->at_fork);
	send_step(link, run, CHILD_AFTER_FORK, &run->at_fork,
		  sizeof(run->at_fork));

	/* The parent has written again. */
	fork_link_wait(link);
	if (!page_buffer_is_mapped(&run->buffer, &run->mapped[CHILD_AFTER_WRITE],
				   &error))
		fork_link_send_failure(link, &error);
	if (run->mapped[CHILD_AFTER_WRITE]) {
		check_content(&run->after_write.parent_again, &run->buffer,
			      CONTENT_PARENT_AGAIN);
		if (reading == READ_PARENT || reading == READ_ZEROS)
			check_content(&run->after_write.as_at_fork,
				      &run->buffer,
				      reading == READ_PARENT ? CONTENT_PARENT
							     : CONTENT_ZEROS);
		content_fill(run->buffer.base, buffer_length(&run->buffer),
			     CONTENT_CHILD);
		if (!observe_step(run, CHILD_AFTER_WRITE, &error))
			fork_link_send_failure(link, &error);
		check_content(&run->after_write.own_write, &run->buffer,
			      CONTENT_CHILD);
	}
	send_step(link, run, CHILD_AFTER_WRITE, &run->after_write,
		  sizeof(run->after_write));

	fork_link_child_done(link);
}

static void run_parent(struct run *run, const struct fork_link *link)
{
	receive_step(link, run, CHILD_AFTER_FORK, &run->at_fork,
		     sizeof(run->at_fork));

	content_fill(run->buffer.base, buffer_length(&run->buffer),
		     CONTENT_PARENT_AGAIN);
	observe_or_fail(run, PARENT_AFTER_WRITE);
	check_content(&run->parent_own_write, &run->buffer,
		      CONTENT_PARENT_AGAIN);
	fork_link_go(link);

	receive_step(link, run, CHILD_AFTER_WRITE, &run->after_write,
		     sizeof(run->after_write));

	observe_or_fail(run, PARENT_AFTER_CHILD_WRITE);
	/* A child that maps nothing wrote nothing: there is nothing to see. */
	memset(&run->parent_reads_child, 0, sizeof(run->parent_reads_child));
	if (run->mapped[CHILD_AFTER_WRITE])
		check_content(&run->parent_reads_child, &run->buffer,
			      CONTENT_CHILD);
	check_content(&run->parent_keeps_own, &run->buffer,
		      CONTENT_PARENT_AGAIN);
	/*
	 * A control, whatever the mode: the parent has written over its fill,
	 * so a comparison that finds the fill here did not compare.
	 */
	check_content(&run->parent_against_fill, &run->buffer, CONTENT_PARENT);
}

/* A check's verdict, or null where there was nothing to check. */
static void emit_verdict(const char *key, const struct content_check *check)
{
	json_key(key);
	if (check->checked)
		json_bool(check->holds);
	else
		json_null();
}

static void emit_content(const struct run *run)
{
	json_key("content");
	json_begin_object();
	json_key_string("child_reads_at_fork",
			reading_names[reading_at_fork(
				run->mapped[CHILD_AFTER_FORK], &run->at_fork)]);
	json_key("child_at_fork");
	json_begin_object();
	content_check_emit("parent", &run->at_fork.parent);
	content_check_emit("zeros", &run->at_fork.zeros);
	json_end_object();

	emit_verdict("child_sees_parent_write", &run->after_write.parent_again);
	json_key("child_after_parent_write");
	json_begin_object();
	content_check_emit("parent_again", &run->after_write.parent_again);
	content_check_emit("as_at_fork", &run->after_write.as_at_fork);
	json_end_object();

	emit_verdict("parent_sees_child_write", &run->parent_reads_child);
	json_key("parent_after_child_write");
	json_begin_object();
	content_check_emit("child", &run->parent_reads_child);
	content_check_emit("parent_again", &run->parent_keeps_own);
	content_check_emit("first_fill", &run->parent_against_fill);
	json_end_object();

	json_key("read_back");
	json_begin_object();
	content_check_emit("parent", &run->parent_own_write);
	content_check_emit("child", &run->after_write.own_write);
	json_end_object();
	json_end_object();
}

static void emit(const struct run *run)
{
	const struct page_observation *seen[STEP_COUNT];
	size_t seen_count = 0;

	for (size_t i = 0; i < STEP_COUNT; i++)
		if (run->mapped[i])
			seen[seen_count++] = observation(run, (enum step)i);

	json_begin_object();
	json_key_string("scenario", "fork-inherit");
	json_key_string("kernel", page_probe_kernel());
	json_key_string("mode", run->mode->name);
	json_key_string("setup", run->mode->calls);
	json_key_string("description", run->mode->description);
	json_key_uint("page_size", run->buffer.page_size);
	json_key_uint("pages", run->buffer.pages);
	json_key_uint("buffer", (uintptr_t)run->buffer.base);
	page_probe_emit_run(seen, seen_count);
	json_key("steps");
	json_begin_array();
	for (size_t i = 0; i < STEP_COUNT; i++) {
		json_begin_object();
		json_key_string("step", steps[i].name);
		json_key_string("actor", steps[i].actor);
		json_key_bool("mapped", run->mapped[i]);
		if (run->mapped[i])
			page_observation_emit(observation(run, (enum step)i));
		json_end_object();
	}
	json_end_array();
	emit_content(run);
	json_end_object();
	json_finish();
}

enum { OPTION_MODE, OPTION_PAGES, OPTION_COUNT };

/* The --mode words and their help lines, made from the table. */
static const char *mode_names[MODE_COUNT + 1];
static const char *mode_help[MODE_COUNT];
static char mode_help_text[MODE_COUNT][160];

static const struct option_spec options[OPTION_COUNT] = {
	[OPTION_MODE] = { .name = "--mode", .kind = OPTION_CHOICE,
			  .choices = mode_names, .choice_help = mode_help,
			  .required = true,
			  .help = "how the buffer is set up before the fork" },
	[OPTION_PAGES] = { .name = "--pages", .kind = OPTION_NUMBER,
			   .min = 1, .max = PAGE_PROBE_MAX_PAGES,
			   .fallback = 2, .help = "size of the buffer" },
};

static void describe_modes(void)
{
	for (size_t i = 0; i < MODE_COUNT; i++) {
		mode_names[i] = modes[i].name;
		snprintf(mode_help_text[i], sizeof(mode_help_text[i]),
			 "%-5s  %s", kernels[modes[i].kernel].name,
			 modes[i].calls);
		mode_help[i] = mode_help_text[i];
	}
	mode_names[MODE_COUNT] = NULL;
}

/* Checked on every kernel, so that Linux can test the XNU words too. */
static void require_this_kernel(const char *command,
				const struct inherit_mode *mode)
{
	const char *here = page_probe_kernel();
	const char *needed = kernels[mode->kernel].id;

	if (strcmp(here, needed) == 0)
		return;
	fail_not_on_this_kernel("%s: needs %s: --mode %s is %s, which this "
				"kernel (%s) does not have",
				command, kernels[mode->kernel].name,
				mode->name, mode->calls, here);
}

int fork_inherit_main(const char *command, int argc, char *argv[])
{
	struct option_value values[OPTION_COUNT];
	struct fork_link link;
	struct call_error error;
	struct run run;

	describe_modes();
	parse_options(command, options, OPTION_COUNT, argc, argv, values);
	memset(&run, 0, sizeof(run));
	run.mode = &modes[values[OPTION_MODE].choice];
	require_this_kernel(command, run.mode);

	run.record_size = page_observation_size();
	run.observations = calloc(STEP_COUNT, run.record_size);
	if (run.observations == NULL)
		fail_errno("calloc");

	if (!page_buffer_map_as(&run.buffer,
				(size_t)values[OPTION_PAGES].number,
				run.mode->setup, &error))
		fail_recorded(&error);
	content_fill(run.buffer.base, buffer_length(&run.buffer),
		     CONTENT_PARENT);
	observe_or_fail(&run, PARENT_AFTER_FILL);

	if (fork_link_start(&link))
		run_child(&run, &link);
	run_parent(&run, &link);
	fork_link_finish(&link);

	emit(&run);
	free(run.observations);
	return 0;
}

/*
 * second-view: the table of ways to map the same memory twice, and the
 * command line. What a row does is its kernel's backend's business
 * (second_view.h); this file only knows the rows, so that every kernel
 * can tell a word of the other kernel (exit 3) from a typo (exit 2).
 */
#include "second_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "fail.h"
#include "json.h"
#include "page_probe.h"

static const struct second_view_row rows[] = {
	{ "memfd-shared", "linux", VIEW_MEMFD_SHARED,
	  "memfd_create + mmap(MAP_SHARED) twice",
	  "two MAP_SHARED mappings of one memfd: one memory, each is to see "
	  "the other's writes" },
	{ "memfd-private", "linux", VIEW_MEMFD_PRIVATE,
	  "memfd_create + mmap(MAP_SHARED) + mmap(MAP_PRIVATE)",
	  "a MAP_PRIVATE mapping of the memfd beside a MAP_SHARED one: the "
	  "private view reads the file's pages until it writes, then has a "
	  "copy of its own" },
	{ "mremap-shared", "linux", VIEW_MREMAP_SHARED,
	  "mmap(MAP_SHARED|MAP_ANONYMOUS) + mremap(old_size 0, MREMAP_MAYMOVE)",
	  "mremap with old_size 0 of a shared anonymous mapping: a second "
	  "mapping of the same shmem object" },
	{ "mremap-private", "linux", VIEW_MREMAP_PRIVATE,
	  "mmap(MAP_PRIVATE|MAP_ANONYMOUS) + mremap(old_size 0, MREMAP_MAYMOVE)",
	  "mremap with old_size 0 of a private anonymous mapping: there is no "
	  "object to map twice, so the kernel is to refuse" },
	{ "proc-mem-private-file", "linux", VIEW_PROC_MEM,
	  "memfd_create, reopened read-only + mmap(PROT_READ, MAP_PRIVATE) + "
	  "pwrite(/proc/self/mem)",
	  "a write through /proc/self/mem into a read-only MAP_PRIVATE "
	  "mapping of a file (DirtyCOW's end state): it lands in a private "
	  "copy or is refused, and the file is never changed" },
	{ "remap-share", "xnu", VIEW_REMAP_SHARE,
	  "mach_vm_allocate + mach_vm_remap(copy = FALSE)",
	  "mach_vm_remap with copy = FALSE in the same task: a second mapping "
	  "of the same VM object" },
	{ "remap-copy", "xnu", VIEW_REMAP_COPY,
	  "mach_vm_allocate + mach_vm_remap(copy = TRUE)",
	  "mach_vm_remap with copy = TRUE in the same task: a copy-on-write "
	  "copy of the original" },
	{ "entry-share", "xnu", VIEW_ENTRY_SHARE,
	  "mach_make_memory_entry_64(MAP_MEM_VM_SHARE) + mach_vm_map",
	  "a memory entry made with MAP_MEM_VM_SHARE, mapped with mach_vm_map: "
	  "a second mapping of the same memory" },
	{ "entry-copy", "xnu", VIEW_ENTRY_COPY,
	  "mach_make_memory_entry_64(MAP_MEM_VM_COPY) + mach_vm_map",
	  "a memory entry made with MAP_MEM_VM_COPY, mapped with mach_vm_map: "
	  "a copy of the original as it was" },
	{ "entry-read-only", "xnu", VIEW_ENTRY_READ_ONLY,
	  "mach_make_memory_entry_64(VM_PROT_READ|MAP_MEM_VM_SHARE) + "
	  "mach_vm_map(VM_PROT_READ|VM_PROT_WRITE)",
	  "a read-only memory entry mapped with write asked: the kernel is to "
	  "refuse the mapping" },
	{ "entry-unaligned", "xnu", VIEW_ENTRY_UNALIGNED,
	  "mach_make_memory_entry_64(MAP_MEM_VM_SHARE, one byte short of the "
	  "original) + mach_vm_map of that size",
	  "a memory entry whose size is not a whole number of pages (the shape "
	  "of PhysPuppet, CVE-2023-23536)" },
};

#define ROW_COUNT (sizeof(rows) / sizeof(rows[0]))

_Static_assert(ROW_COUNT == VIEW_WAY_COUNT, "one row per way");

enum { OPTION_VIEW, OPTION_PAGES, OPTION_COUNT };

static const char *row_names[ROW_COUNT + 1];
static const char *row_help[ROW_COUNT];
static char row_help_text[ROW_COUNT][160];

static const struct option_spec options[OPTION_COUNT] = {
	[OPTION_VIEW] = { .name = "--view", .kind = OPTION_CHOICE,
			  .choices = row_names, .choice_help = row_help,
			  .required = true,
			  .help = "how the second view is made" },
	[OPTION_PAGES] = { .name = "--pages", .kind = OPTION_NUMBER,
			   .min = 1, .max = PAGE_PROBE_MAX_PAGES,
			   .fallback = 2, .help = "size of the original" },
};

static void describe_rows(void)
{
	for (size_t i = 0; i < ROW_COUNT; i++) {
		row_names[i] = rows[i].name;
		snprintf(row_help_text[i], sizeof(row_help_text[i]),
			 "%-5s  %s", rows[i].kernel, rows[i].calls);
		row_help[i] = row_help_text[i];
	}
	row_names[ROW_COUNT] = NULL;
}

void second_view_emit_row(const struct second_view_row *row)
{
	json_key_string("scenario", "second-view");
	json_key_string("kernel", page_probe_kernel());
	json_key_string("view", row->name);
	json_key_string("setup", row->calls);
	json_key_string("description", row->description);
}

int second_view_main(const char *command, int argc, char *argv[])
{
	struct option_value values[OPTION_COUNT];
	const struct second_view_row *row;

	describe_rows();
	parse_options(command, options, OPTION_COUNT, argc, argv, values);
	row = &rows[values[OPTION_VIEW].choice];
	if (strcmp(row->kernel, page_probe_kernel()) != 0)
		fail_not_on_this_kernel("%s: needs %s: --view %s is %s, which "
					"this kernel (%s) does not have",
					command,
					strcmp(row->kernel, "xnu") == 0
						? "XNU" : "Linux",
					row->name, row->calls,
					page_probe_kernel());
	return second_view_run(row, (size_t)values[OPTION_PAGES].number);
}

const char *const view_step_names[VIEW_STEP_COUNT] = {
	[VIEW_STEP_AFTER_VIEW] = "after-view",
	[VIEW_STEP_AFTER_ORIGINAL_WRITE] = "after-original-write",
	[VIEW_STEP_AFTER_VIEW_WRITE] = "after-view-write",
};

static int side_write(const struct view_side *side, enum content_seed seed,
		      uint64_t length)
{
	if (side->write != NULL)
		return side->write(side, seed, length);
	content_fill(side->base, length, seed);
	return 0;
}

static int side_check(const struct view_side *side, unsigned char *scratch,
		      uint64_t length, struct content_check *check,
		      enum content_seed seed)
{
	const unsigned char *bytes = side->base;

	if (side->read != NULL) {
		int error = side->read(side, scratch, length);

		if (error != 0)
			return error;
		bytes = scratch;
	}
	content_check_begin(check);
	content_expect(check, bytes, 0, length, seed);
	return 0;
}

bool second_view_exchange(const struct view_side *original,
			  const struct view_side *view, uint64_t length,
			  void (*observe)(void *context, enum view_step step),
			  void *context, struct view_content *content,
			  int *read_error)
{
	unsigned char *scratch = malloc(length);
	int error = 0;

	memset(content, 0, sizeof(*content));
	if (scratch == NULL)
		fail_errno("malloc");

	observe(context, VIEW_STEP_AFTER_VIEW);
	if (view->present)
		error = side_check(view, scratch, length,
				   &content->view_reads_fill, CONTENT_ORIGINAL);

	/* (a) the original is written, the view read. */
	if (error == 0) {
		content->original_write_error =
			side_write(original, CONTENT_ORIGINAL_AGAIN, length);
		observe(context, VIEW_STEP_AFTER_ORIGINAL_WRITE);
		error = side_check(original, scratch, length,
				   &content->original_reads_back,
				   CONTENT_ORIGINAL_AGAIN);
	}
	if (error == 0 && view->present)
		error = side_check(view, scratch, length,
				   &content->view_sees_original_write,
				   CONTENT_ORIGINAL_AGAIN);
	if (error == 0 && view->present)
		error = side_check(view, scratch, length,
				   &content->view_keeps_fill, CONTENT_ORIGINAL);

	/* (b) the view is written, the original read. */
	if (error == 0 && view->present) {
		content->view_write_error =
			side_write(view, CONTENT_VIEW, length);
		observe(context, VIEW_STEP_AFTER_VIEW_WRITE);
		error = side_check(view, scratch, length,
				   &content->view_reads_back, CONTENT_VIEW);
	} else if (error == 0) {
		observe(context, VIEW_STEP_AFTER_VIEW_WRITE);
	}
	if (error == 0 && view->present)
		error = side_check(original, scratch, length,
				   &content->original_sees_view_write,
				   CONTENT_VIEW);
	if (error == 0)
		error = side_check(original, scratch, length,
				   &content->original_keeps_own,
				   CONTENT_ORIGINAL_AGAIN);
	free(scratch);
	*read_error = error;
	return error == 0;
}

static void emit_write(const char *key, bool tried, int error,
		       const char *(*error_name)(int error))
{
	json_key(key);
	json_begin_object();
	json_key_bool("tried", tried);
	json_key_bool("done", tried && error == 0);
	json_key_string("error", tried && error != 0 ? error_name(error)
						      : NULL);
	json_end_object();
}

void second_view_emit_content(const struct view_content *content,
			      bool view_present,
			      const char *(*error_name)(int error))
{
	json_key("writes");
	json_begin_object();
	emit_write("original", true, content->original_write_error,
		   error_name);
	emit_write("view", view_present, content->view_write_error,
		   error_name);
	json_end_object();

	json_key("content");
	json_begin_object();
	content_check_emit("view_reads_fill", &content->view_reads_fill);
	content_check_emit("original_reads_back",
			   &content->original_reads_back);
	content_check_emit("view_sees_original_write",
			   &content->view_sees_original_write);
	content_check_emit("view_keeps_fill", &content->view_keeps_fill);
	content_check_emit("view_reads_back", &content->view_reads_back);
	content_check_emit("original_sees_view_write",
			   &content->original_sees_view_write);
	content_check_emit("original_keeps_own",
			   &content->original_keeps_own);
	json_end_object();
}

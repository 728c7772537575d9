/*
 * ool-transfer, the portable part: options and their validation, and the
 * gate of the hidden receiver subcommand. The scenario itself is the
 * backend's (xnu_ool_sender.c and xnu_ool_receiver.c; linux_ool.c refuses).
 */
#include "ool_transfer.h"

#include <inttypes.h>
#include <sys/stat.h>

#include "args.h"
#include "commands.h"
#include "fail.h"

static const char *const memory_choices[] = { "purgeable", "anonymous",
					       "malloc", NULL };
static const char *const copy_choices[] = { "virtual", "physical", NULL };
static const char *const yes_no_choices[] = { "yes", "no", NULL };
static const char *const fill_choices[] = { "first", "all", NULL };

enum { DEALLOC_YES, DEALLOC_NO };

enum {
	OPTION_MEMORY,
	OPTION_COPY,
	OPTION_PAGES,
	OPTION_BYTES,
	OPTION_DEALLOC,
	OPTION_FILL,
	OPTION_RECEIVER_FILL,
	OPTION_MESSAGES,
	OPTION_COUNT
};

/* --pages and --bytes: exactly one of the two says how much to send. */
enum { SIZE_GROUP = 1 };

static const struct option_spec options[OPTION_COUNT] = {
	[OPTION_MEMORY] = { .name = "--memory", .kind = OPTION_CHOICE,
			    .choices = memory_choices, .required = true },
	[OPTION_COPY] = { .name = "--copy", .kind = OPTION_CHOICE,
			  .choices = copy_choices, .required = true },
	[OPTION_PAGES] = { .name = "--pages", .kind = OPTION_NUMBER,
			   .min = 1, .max = OOL_MAX_PAGES,
			   .range_reason = OOL_SIZE_BOUND_REASON,
			   .exclusive_group = SIZE_GROUP, .required = true },
	[OPTION_BYTES] = { .name = "--bytes", .kind = OPTION_NUMBER,
			   .min = 1, .max = OOL_MAX_BYTES,
			   .range_reason = OOL_SIZE_BOUND_REASON,
			   .exclusive_group = SIZE_GROUP, .required = true },
	[OPTION_DEALLOC] = { .name = "--dealloc", .kind = OPTION_CHOICE,
			     .choices = yes_no_choices, .required = true },
	[OPTION_FILL] = { .name = "--fill", .kind = OPTION_CHOICE,
			  .choices = fill_choices, .fallback = OOL_FILL_FIRST },
	[OPTION_RECEIVER_FILL] = { .name = "--receiver-fill",
				   .kind = OPTION_CHOICE,
				   .choices = fill_choices,
				   .fallback = OOL_FILL_FIRST },
	[OPTION_MESSAGES] = { .name = "--messages", .kind = OPTION_NUMBER,
			      .min = 1, .max = OOL_MAX_MESSAGES,
			      .fallback = 1 },
};

const char *ool_memory_name(enum ool_memory memory)
{
	return memory_choices[memory];
}

const char *ool_copy_name(enum ool_copy copy)
{
	return copy_choices[copy];
}

const char *ool_fill_name(enum ool_fill fill)
{
	return fill_choices[fill];
}

uint64_t ool_fill_length(enum ool_fill fill, uint64_t size, size_t page_size)
{
	if (fill == OOL_FILL_ALL || size < page_size)
		return size;
	return page_size;
}

/*
 * --pages is only bounded by the page count at parse time; the byte limit
 * needs the page size, which only the running kernel knows.
 */
static uint64_t size_in_bytes(const char *command,
			      const struct option_value *values)
{
	uint64_t pages = values[OPTION_PAGES].number;
	size_t page_size;

	if (values[OPTION_BYTES].given)
		return values[OPTION_BYTES].number;
	page_size = ool_page_size();
	if (pages > OOL_MAX_BYTES / page_size)
		fail_usage("%s: --pages: %" PRIu64 " pages of %zu bytes exceed "
			   "%" PRIu64 " bytes (%s)",
			   command, pages, page_size, OOL_MAX_BYTES,
			   OOL_SIZE_BOUND_REASON);
	return pages * page_size;
}

/*
 * A message with deallocate removes the buffer's pages from the sender's
 * map. A malloc'ed block shares its pages with the allocator's other
 * blocks and bookkeeping, so that would unmap part of the heap.
 */
static void check_memory_and_dealloc(const char *command,
				     const struct ool_transfer_options *chosen)
{
	if (chosen->memory == OOL_MEMORY_MALLOC && chosen->dealloc)
		fail_usage("%s: --memory malloc cannot be combined with "
			   "--dealloc yes: deallocating malloc'ed memory "
			   "through a message unmaps part of the heap (use "
			   "--dealloc no, or --memory anonymous|purgeable)",
			   command);
}

int ool_transfer_main(const char *command, int argc, char *argv[])
{
	struct option_value values[OPTION_COUNT];
	struct ool_transfer_options chosen;

	parse_options(command, options, OPTION_COUNT, argc, argv, values);

	chosen.memory = (enum ool_memory)values[OPTION_MEMORY].choice;
	chosen.copy = (enum ool_copy)values[OPTION_COPY].choice;
	chosen.dealloc = values[OPTION_DEALLOC].choice == DEALLOC_YES;
	chosen.bytes = size_in_bytes(command, values);
	chosen.fill = (enum ool_fill)values[OPTION_FILL].choice;
	chosen.receiver_fill =
		(enum ool_fill)values[OPTION_RECEIVER_FILL].choice;
	chosen.messages = (unsigned int)values[OPTION_MESSAGES].number;
	check_memory_and_dealloc(command, &chosen);

	return ool_transfer_run(command, &chosen);
}

static bool is_pipe(int fd)
{
	struct stat status;

	return fstat(fd, &status) == 0 && S_ISFIFO(status.st_mode);
}

/*
 * Run by hand, the receiver would find no pipes and, on XNU, a bootstrap
 * port that is launchd's rather than a sender's: refuse before touching
 * either.
 */
int ool_receiver_main(const char *command, int argc, char *argv[])
{
	parse_options(command, NULL, 0, argc, argv, NULL);
	if (!is_pipe(OOL_RECEIVER_COMMAND_FD) ||
	    !is_pipe(OOL_RECEIVER_REPORT_FD))
		fail_usage("%s: is started by ool-transfer only", command);
	return ool_receiver_run(command);
}

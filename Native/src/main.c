/*
 * oolprobe: performs the steps of one scenario and prints what the kernel
 * shows, as JSON on stdout. Mechanism only; expectations live in the specs.
 *
 *   oolprobe <subcommand> [--option value]...
 *   oolprobe <subcommand> --help
 *   oolprobe --help | -h | help [<subcommand>]
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "fail.h"

struct subcommand {
	const char *name;
	int (*run)(const char *command, int argc, char *argv[]);
	/* One line for --help. */
	const char *summary;
	/* Started by another subcommand, never by a user: not listed. */
	bool hidden;
};

#define SUBCOMMAND_ROW(name, entry, summary, hidden) \
	{ name, entry, summary, hidden },
static const struct subcommand subcommands[] = {
	OOLPROBE_SUBCOMMANDS(SUBCOMMAND_ROW)
};
#undef SUBCOMMAND_ROW

#define SUBCOMMAND_COUNT (sizeof(subcommands) / sizeof(subcommands[0]))

static void list_subcommands(char *out, size_t out_size)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < SUBCOMMAND_COUNT && used < out_size; i++) {
		if (subcommands[i].hidden)
			continue;
		int n = snprintf(out + used, out_size - used, "%s%s",
				 used ? ", " : "", subcommands[i].name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

static _Noreturn void print_usage(void)
{
	size_t width = 0;

	for (size_t i = 0; i < SUBCOMMAND_COUNT; i++)
		if (!subcommands[i].hidden && strlen(subcommands[i].name) > width)
			width = strlen(subcommands[i].name);

	printf("usage: oolprobe <subcommand> [options]\n"
	       "       oolprobe <subcommand> --help\n"
	       "\n"
	       "Performs one scenario and prints what the kernel shows, as "
	       "JSON on stdout.\n"
	       "\n"
	       "subcommands:\n");
	for (size_t i = 0; i < SUBCOMMAND_COUNT; i++) {
		if (subcommands[i].hidden)
			continue;
		printf("  %-*s  %s\n", (int)width, subcommands[i].name,
		       subcommands[i].summary);
	}
	printf("\n"
	       "exit status:\n"
	       "  0  done; the JSON is on stdout\n"
	       "  1  a kernel or library call failed (stderr names it)\n"
	       "  2  the command line was wrong (stderr names the argument)\n"
	       "  3  the request needs another kernel than this one\n");

	errno = 0;
	if (fflush(stdout) == EOF || ferror(stdout))
		fail_call("write stdout", strerror(errno ? errno : EIO));
	exit(0);
}

static bool is_help_request(const char *word)
{
	return strcmp(word, "--help") == 0 || strcmp(word, "-h") == 0 ||
	       strcmp(word, "help") == 0;
}

static const struct subcommand *find_subcommand(const char *name)
{
	for (size_t i = 0; i < SUBCOMMAND_COUNT; i++)
		if (strcmp(name, subcommands[i].name) == 0)
			return &subcommands[i];
	return NULL;
}

static int run(const struct subcommand *subcommand, int argc, char *argv[])
{
	if (subcommand->hidden)
		fail_clear_usage_hint();
	else
		fail_set_usage_hint(subcommand->name);
	options_set_summary(subcommand->summary);
	return subcommand->run(subcommand->name, argc, argv);
}

int main(int argc, char *argv[])
{
	static char help_word[] = "--help";
	char *help_argv[] = { help_word, NULL };
	const struct subcommand *subcommand;
	char known[256];
	char quoted[96];

	/*
	 * A closed pipe should surface as a failed write (exit 1 with a
	 * message), not as a silent death by SIGPIPE.
	 */
	signal(SIGPIPE, SIG_IGN);

	fail_set_usage_hint(NULL);
	list_subcommands(known, sizeof(known));
	if (argc < 2)
		fail_usage("missing subcommand (known: %s)", known);

	/* "help fork-cow" is "fork-cow --help"; a bare "help" lists them. */
	if (is_help_request(argv[1])) {
		if (argc == 2)
			print_usage();
		if (argc > 3) {
			quote_argument(argv[3], quoted, sizeof(quoted));
			fail_usage("%s: unexpected argument %s (give one "
				   "subcommand)",
				   argv[1], quoted);
		}
		subcommand = find_subcommand(argv[2]);
		if (subcommand != NULL)
			return run(subcommand, 1, help_argv);
		quote_argument(argv[2], quoted, sizeof(quoted));
		fail_usage("unknown subcommand %s (known: %s)", quoted, known);
	}

	subcommand = find_subcommand(argv[1]);
	if (subcommand != NULL)
		return run(subcommand, argc - 2, argv + 2);
	quote_argument(argv[1], quoted, sizeof(quoted));
	fail_usage("unknown subcommand %s (known: %s)", quoted, known);
}

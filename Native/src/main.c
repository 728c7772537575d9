/*
 * oolprobe: performs the steps of one scenario and prints what the kernel
 * shows, as JSON on stdout. Mechanism only; expectations live in the specs.
 *
 *   oolprobe <subcommand> [--option value]...
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "fail.h"
#include "ool_transfer.h"

struct subcommand {
	const char *name;
	int (*run)(const char *command, int argc, char *argv[]);
	/* Started by another subcommand, never by a user: not listed. */
	bool hidden;
};

static const struct subcommand subcommands[] = {
	{ "platform", platform_main, false },
	{ "fork-cow", fork_cow_main, false },
	{ "ool-transfer", ool_transfer_main, false },
	{ OOL_RECEIVER_SUBCOMMAND, ool_receiver_main, true },
};

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

int main(int argc, char *argv[])
{
	char known[256];
	char quoted[96];

	/*
	 * A closed pipe should surface as a failed write (exit 1 with a
	 * message), not as a silent death by SIGPIPE.
	 */
	signal(SIGPIPE, SIG_IGN);

	list_subcommands(known, sizeof(known));
	if (argc < 2)
		fail_usage("missing subcommand (known: %s)", known);

	for (size_t i = 0; i < SUBCOMMAND_COUNT; i++) {
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].run(subcommands[i].name,
						  argc - 2, argv + 2);
	}
	quote_argument(argv[1], quoted, sizeof(quoted));
	fail_usage("unknown subcommand %s (known: %s)", quoted, known);
}

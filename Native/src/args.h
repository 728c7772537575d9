/*
 * `--flag value` options of one subcommand, described by a table.
 *
 * Any mistake on the command line ends the process with exit 2 and one
 * stderr line naming the argument, so the harness (or a person) can tell a
 * wrong call from a kernel failure.
 *
 * `--help` (or `-h`) anywhere among the words prints the subcommand's
 * usage, generated from the same table, and exits 0.
 */
#ifndef OOLPROBE_ARGS_H
#define OOLPROBE_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum option_kind {
	OPTION_NUMBER,	/* decimal digits only, within [min, max] */
	OPTION_CHOICE,	/* one word out of choices */
};

struct option_spec {
	const char *name;		/* with its dashes: "--pages" */
	enum option_kind kind;
	uint64_t min, max;		/* OPTION_NUMBER */
	/* OPTION_NUMBER, optional: why the range is what it is. */
	const char *range_reason;
	const char *const *choices;	/* OPTION_CHOICE, NULL-terminated */
	/* The value when the option is absent: a number, or a choice index. */
	uint64_t fallback;
	/* Options that share a nonzero group may not be given together. */
	int exclusive_group;
	/*
	 * Must be given. In an exclusive group, marking every member required
	 * means exactly one of them must be given.
	 */
	bool required;
	/* For --help: what the option sets, a phrase (may be NULL). */
	const char *help;
	/*
	 * For --help, OPTION_CHOICE only (may be NULL): one phrase per choice,
	 * in the order of choices.
	 */
	const char *const *choice_help;
};

struct option_value {
	bool given;
	uint64_t number;	/* OPTION_NUMBER: the value */
	size_t choice;		/* OPTION_CHOICE: index into choices */
};

/*
 * Parses argv[0..argc) (the words after the subcommand) into values[i] for
 * specs[i]. An option may appear at most once; required ones are checked
 * after all words, so a wrong value is named before a missing option.
 * Never returns on error, nor after printing the help.
 */
void parse_options(const char *command, const struct option_spec *specs,
		   size_t spec_count, int argc, char *const argv[],
		   struct option_value *values);

/*
 * The line `<command> --help` prints under its usage line (main sets it
 * from its subcommand table before the subcommand parses its options).
 */
void options_set_summary(const char *summary);

/*
 * Writes text as a double-quoted, single-line string with control bytes
 * escaped, shortened if longer than the output allows; for error messages.
 */
void quote_argument(const char *text, char *out, size_t out_size);

#endif

/*
 * How oolprobe reports failure: one line on stderr, then a fixed exit code.
 *
 *   exit 1  a kernel or library call failed: "oolprobe: <call>: <error text>"
 *   exit 2  the command line was wrong:      "oolprobe: <what was wrong>;
 *           see oolprobe <subcommand> --help"
 *   exit 3  the scenario or mode needs another kernel than this one:
 *           "oolprobe: <command>: needs <kernel>: <why>"
 *
 * The harness tells the two apart by exit code alone, so nothing here may
 * crash or abort instead.
 */
#ifndef OOLPROBE_FAIL_H
#define OOLPROBE_FAIL_H

#include <stdbool.h>

#define EXIT_CALL_FAILED 1
#define EXIT_USAGE 2
#define EXIT_NOT_ON_THIS_KERNEL 3

/*
 * A failed call, recorded instead of reported, so that a forked child can
 * hand it to its parent (only the parent talks to the harness). Plain bytes:
 * it travels through a pipe as is.
 */
struct call_error {
	char call[64];
	char text[192];
};

_Noreturn void fail_call(const char *call, const char *error_text);
_Noreturn void fail_errno(const char *call);	/* error text from errno */
_Noreturn void fail_recorded(const struct call_error *error);

_Noreturn void fail_usage(const char *format, ...)
	__attribute__((format(printf, 1, 2)));

/*
 * Where a usage error sends the reader: "see oolprobe <command> --help", or
 * "see oolprobe --help" for NULL. Set by main before a subcommand runs.
 */
void fail_set_usage_hint(const char *command);
/* No hint at all (a hidden subcommand has no help to point to). */
void fail_clear_usage_hint(void);

/*
 * A well-formed request this kernel cannot honour (Mach messages on Linux,
 * MADV_WIPEONFORK on XNU): the harness turns it into a reasoned skip.
 */
_Noreturn void fail_not_on_this_kernel(const char *format, ...)
	__attribute__((format(printf, 1, 2)));

/* Fill *error; return false so a failing function can `return record_...`. */
bool record_call_error(struct call_error *error, const char *call,
		       const char *error_text);
bool record_errno(struct call_error *error, const char *call, int errnum);

#endif

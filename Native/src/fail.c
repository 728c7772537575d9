#include "fail.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

/*
 * _exit, not exit: a failure must never flush a half-written JSON document
 * that is still sitting in stdout's buffer.
 */
_Noreturn void fail_call(const char *call, const char *error_text)
{
	fprintf(stderr, "oolprobe: %s: %s\n", call, error_text);
	_exit(EXIT_CALL_FAILED);
}

_Noreturn void fail_errno(const char *call)
{
	fail_call(call, strerror(errno));
}

_Noreturn void fail_recorded(const struct call_error *error)
{
	fail_call(error->call, error->text);
}

static char usage_hint[96] = "see oolprobe --help";

void fail_set_usage_hint(const char *command)
{
	if (command == NULL)
		snprintf(usage_hint, sizeof(usage_hint), "see oolprobe --help");
	else
		snprintf(usage_hint, sizeof(usage_hint),
			 "see oolprobe %s --help", command);
}

void fail_clear_usage_hint(void)
{
	usage_hint[0] = '\0';
}

static void print_failure(const char *format, va_list args, const char *hint)
{
	fputs("oolprobe: ", stderr);
	vfprintf(stderr, format, args);
	if (hint != NULL && hint[0] != '\0')
		fprintf(stderr, "; %s", hint);
	fputc('\n', stderr);
}

_Noreturn void fail_usage(const char *format, ...)
{
	va_list args;

	va_start(args, format);
	print_failure(format, args, usage_hint);
	va_end(args);
	_exit(EXIT_USAGE);
}

_Noreturn void fail_not_on_this_kernel(const char *format, ...)
{
	va_list args;

	va_start(args, format);
	print_failure(format, args, NULL);
	va_end(args);
	_exit(EXIT_NOT_ON_THIS_KERNEL);
}

bool record_call_error(struct call_error *error, const char *call,
		       const char *error_text)
{
	snprintf(error->call, sizeof(error->call), "%s", call);
	snprintf(error->text, sizeof(error->text), "%s", error_text);
	return false;
}

bool record_errno(struct call_error *error, const char *call, int errnum)
{
	return record_call_error(error, call, strerror(errnum));
}

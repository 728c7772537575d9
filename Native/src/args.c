#include "args.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fail.h"

static const char *command_summary;

void options_set_summary(const char *summary)
{
	command_summary = summary;
}

void quote_argument(const char *text, char *out, size_t out_size)
{
	static const char ellipsis[] = "...\"";
	size_t used = 0;

	if (out_size < sizeof(ellipsis) + 2) {
		if (out_size > 0)
			out[0] = '\0';
		return;
	}
	out[used++] = '"';
	for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
		char piece[5];

		if (*c < 0x20 || *c == 0x7f)
			snprintf(piece, sizeof(piece), "\\x%02x", *c);
		else if (*c == '"' || *c == '\\')
			snprintf(piece, sizeof(piece), "\\%c", *c);
		else
			snprintf(piece, sizeof(piece), "%c", *c);

		/* Keep room for the closing quote, or for "..." and the quote. */
		if (used + strlen(piece) + sizeof(ellipsis) > out_size) {
			memcpy(out + used, ellipsis, sizeof(ellipsis));
			return;
		}
		memcpy(out + used, piece, strlen(piece));
		used += strlen(piece);
	}
	out[used++] = '"';
	out[used] = '\0';
}

/* "--pages, --bytes": what the user could have meant. */
static void list_option_names(const struct option_spec *specs, size_t count,
			      char *out, size_t out_size)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < count && used < out_size; i++) {
		int n = snprintf(out + used, out_size - used, "%s%s",
				 i ? ", " : "", specs[i].name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	if (count == 0)
		snprintf(out, out_size, "none");
}

/* "1..64" or "virtual|physical": what a value must look like. */
static void describe_expected(const struct option_spec *spec, char *out,
			      size_t out_size)
{
	size_t used = 0;

	out[0] = '\0';
	if (spec->kind == OPTION_NUMBER) {
		snprintf(out, out_size, "%" PRIu64 "..%" PRIu64 "%s%s",
			 spec->min, spec->max, spec->range_reason ? ": " : "",
			 spec->range_reason ? spec->range_reason : "");
		return;
	}
	for (size_t i = 0; spec->choices[i] && used < out_size; i++) {
		int n = snprintf(out + used, out_size - used, "%s%s",
				 i ? "|" : "", spec->choices[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/*
 * Plain decimal only: strtoull would also take signs (and wrap "-1"),
 * leading blanks and hexadecimal, none of which a caller means.
 * Returns false on anything but digits; *overflow tells the two apart.
 */
static bool parse_decimal(const char *text, uint64_t *value, bool *overflow)
{
	uint64_t result = 0;

	*overflow = false;
	if (*text == '\0')
		return false;
	for (const char *c = text; *c; c++) {
		if (*c < '0' || *c > '9')
			return false;
		if (result > (UINT64_MAX - (uint64_t)(*c - '0')) / 10)
			*overflow = true;
		else
			result = result * 10 + (uint64_t)(*c - '0');
	}
	*value = result;
	return !*overflow;
}

static void parse_value(const char *command, const struct option_spec *spec,
			const char *text, struct option_value *value)
{
	char quoted[96];
	char expected[256];

	quote_argument(text, quoted, sizeof(quoted));
	describe_expected(spec, expected, sizeof(expected));

	if (spec->kind == OPTION_NUMBER) {
		bool overflow;

		if (!parse_decimal(text, &value->number, &overflow) && !overflow)
			fail_usage("%s: %s: %s is not a number (expected %s)",
				   command, spec->name, quoted, expected);
		if (overflow || value->number < spec->min ||
		    value->number > spec->max)
			fail_usage("%s: %s: %s is out of range (expected %s)",
				   command, spec->name, quoted, expected);
		return;
	}
	for (size_t i = 0; spec->choices[i]; i++) {
		if (strcmp(text, spec->choices[i]) == 0) {
			value->choice = i;
			return;
		}
	}
	fail_usage("%s: %s: %s is not one of %s", command, spec->name, quoted,
		   expected);
}

static const struct option_spec *find_spec(const struct option_spec *specs,
					   size_t count, const char *name)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(specs[i].name, name) == 0)
			return &specs[i];
	return NULL;
}

static void check_exclusive(const char *command,
			    const struct option_spec *specs, size_t count,
			    const struct option_value *values, size_t just_given)
{
	int group = specs[just_given].exclusive_group;

	if (group == 0)
		return;
	for (size_t i = 0; i < count; i++) {
		if (i != just_given && values[i].given &&
		    specs[i].exclusive_group == group)
			fail_usage("%s: %s: cannot be combined with %s",
				   command, specs[just_given].name,
				   specs[i].name);
	}
}

static bool group_given(const struct option_spec *specs, size_t count,
			const struct option_value *values, int group)
{
	for (size_t i = 0; i < count; i++)
		if (specs[i].exclusive_group == group && values[i].given)
			return true;
	return false;
}

/* "--pages, --bytes": the members of one exclusive group. */
static void list_group_names(const struct option_spec *specs, size_t count,
			     int group, char *out, size_t out_size)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < count && used < out_size; i++) {
		if (specs[i].exclusive_group != group)
			continue;
		int n = snprintf(out + used, out_size - used, "%s%s",
				 used ? ", " : "", specs[i].name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

static void check_required(const char *command,
			   const struct option_spec *specs, size_t count,
			   const struct option_value *values)
{
	char text[256];

	for (size_t i = 0; i < count; i++) {
		int group = specs[i].exclusive_group;

		if (!specs[i].required || values[i].given)
			continue;
		if (group == 0) {
			describe_expected(&specs[i], text, sizeof(text));
			fail_usage("%s: %s is required (expected %s)", command,
				   specs[i].name, text);
		}
		if (group_given(specs, count, values, group))
			continue;
		list_group_names(specs, count, group, text, sizeof(text));
		fail_usage("%s: one of %s is required", command, text);
	}
}

/*
 * --help: the usage line, then one line per option, all generated from the
 * table so that help and parsing cannot disagree.
 */
static bool is_help_word(const char *word)
{
	return strcmp(word, "--help") == 0 || strcmp(word, "-h") == 0;
}

static const char *value_placeholder(const struct option_spec *spec)
{
	return spec->kind == OPTION_NUMBER ? "<n>" : "<word>";
}

/* Some member of the group is required: then one of them must be given. */
static bool group_required(const struct option_spec *specs, size_t count,
			   int group)
{
	for (size_t i = 0; i < count; i++)
		if (specs[i].exclusive_group == group && specs[i].required)
			return true;
	return false;
}

static bool first_of_group(const struct option_spec *specs, size_t index)
{
	for (size_t i = 0; i < index; i++)
		if (specs[i].exclusive_group == specs[index].exclusive_group)
			return false;
	return true;
}

/* "usage: oolprobe ool-transfer --copy <word> (--pages <n> | --bytes <n>) ..." */
static void print_synopsis(const char *command,
			   const struct option_spec *specs, size_t count)
{
	printf("usage: oolprobe %s", command);
	for (size_t i = 0; i < count; i++) {
		int group = specs[i].exclusive_group;

		if (group == 0) {
			printf(specs[i].required ? " %s %s" : " [%s %s]",
			       specs[i].name, value_placeholder(&specs[i]));
			continue;
		}
		if (!first_of_group(specs, i))
			continue;
		bool required = group_required(specs, count, group);
		const char *separator = "";

		printf(" %s", required ? "(" : "[");
		for (size_t j = i; j < count; j++) {
			if (specs[j].exclusive_group != group)
				continue;
			printf("%s%s %s", separator, specs[j].name,
			       value_placeholder(&specs[j]));
			separator = " | ";
		}
		printf("%s", required ? ")" : "]");
	}
	printf("\n");
}

/* "1..64; default 2", "virtual|physical; required", ... */
static void describe_constraints(const struct option_spec *specs,
				 size_t count, size_t index, char *out,
				 size_t out_size)
{
	const struct option_spec *spec = &specs[index];
	char allowed[192];
	char names[192];

	if (spec->kind == OPTION_CHOICE && spec->choice_help != NULL)
		snprintf(allowed, sizeof(allowed), "one of the words below");
	else
		describe_expected(spec, allowed, sizeof(allowed));

	if (spec->exclusive_group != 0) {
		list_group_names(specs, count, spec->exclusive_group, names,
				 sizeof(names));
		snprintf(out, out_size, "%s; %s %s", allowed,
			 group_required(specs, count, spec->exclusive_group)
				 ? "exactly one of"
				 : "at most one of",
			 names);
	} else if (spec->required) {
		snprintf(out, out_size, "%s; required", allowed);
	} else if (spec->kind == OPTION_NUMBER) {
		snprintf(out, out_size, "%s; default %" PRIu64, allowed,
			 spec->fallback);
	} else {
		snprintf(out, out_size, "%s; default %s", allowed,
			 spec->choices[spec->fallback]);
	}
}

static void print_choices(const struct option_spec *spec, int indent)
{
	size_t width = 0;

	for (size_t i = 0; spec->choices[i]; i++)
		if (strlen(spec->choices[i]) > width)
			width = strlen(spec->choices[i]);
	for (size_t i = 0; spec->choices[i]; i++)
		printf("%*s%-*s  %s\n", indent, "", (int)width,
		       spec->choices[i],
		       spec->choice_help[i] ? spec->choice_help[i] : "");
}

static _Noreturn void print_help(const char *command,
				 const struct option_spec *specs, size_t count)
{
	static const char help_name[] = "-h, --help";
	size_t width = sizeof(help_name) - 1;
	char constraints[512];

	for (size_t i = 0; i < count; i++) {
		size_t length = strlen(specs[i].name) + 1 +
				strlen(value_placeholder(&specs[i]));

		if (length > width)
			width = length;
	}

	print_synopsis(command, specs, count);
	if (command_summary != NULL)
		printf("\n%s\n", command_summary);
	printf("\noptions:\n");
	for (size_t i = 0; i < count; i++) {
		char name[96];

		snprintf(name, sizeof(name), "%s %s", specs[i].name,
			 value_placeholder(&specs[i]));
		describe_constraints(specs, count, i, constraints,
				     sizeof(constraints));
		printf("  %-*s  %s%s%s\n", (int)width, name,
		       specs[i].help ? specs[i].help : "",
		       specs[i].help ? ": " : "", constraints);
		if (specs[i].kind == OPTION_CHOICE &&
		    specs[i].choice_help != NULL)
			print_choices(&specs[i], (int)width + 6);
	}
	printf("  %-*s  %s\n", (int)width, help_name,
	       "print this help and exit");

	errno = 0;
	if (fflush(stdout) == EOF || ferror(stdout))
		fail_call("write stdout", strerror(errno ? errno : EIO));
	exit(0);
}

/*
 * Help wins over every mistake, wherever it stands: no option takes a value
 * that starts with a dash, so "--pages --help" loses nothing by it.
 */
static void help_if_asked(const char *command, const struct option_spec *specs,
			  size_t count, int argc, char *const argv[])
{
	for (int at = 0; at < argc; at++)
		if (is_help_word(argv[at]))
			print_help(command, specs, count);
}

void parse_options(const char *command, const struct option_spec *specs,
		   size_t spec_count, int argc, char *const argv[],
		   struct option_value *values)
{
	for (size_t i = 0; i < spec_count; i++) {
		values[i].given = false;
		values[i].number = specs[i].fallback;
		values[i].choice = (size_t)specs[i].fallback;
	}
	help_if_asked(command, specs, spec_count, argc, argv);

	for (int at = 0; at < argc; at++) {
		const struct option_spec *spec =
			find_spec(specs, spec_count, argv[at]);
		char text[256];

		if (spec == NULL) {
			char known[192];

			quote_argument(argv[at], text, sizeof(text));
			list_option_names(specs, spec_count, known,
					  sizeof(known));
			fail_usage("%s: %s %s (known options: %s)", command,
				   strncmp(argv[at], "--", 2) == 0
					   ? "unknown option"
					   : "unexpected argument",
				   text, known);
		}

		size_t index = (size_t)(spec - specs);

		if (values[index].given)
			fail_usage("%s: %s: given more than once", command,
				   spec->name);
		if (at + 1 == argc) {
			describe_expected(spec, text, sizeof(text));
			fail_usage("%s: %s: missing value (expected %s)",
				   command, spec->name, text);
		}
		parse_value(command, spec, argv[++at], &values[index]);
		values[index].given = true;
		check_exclusive(command, specs, spec_count, values, index);
	}
	check_required(command, specs, spec_count, values);
}

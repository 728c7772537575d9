#include "args.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "fail.h"

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

void parse_options(const char *command, const struct option_spec *specs,
		   size_t spec_count, int argc, char *const argv[],
		   struct option_value *values)
{
	for (size_t i = 0; i < spec_count; i++) {
		values[i].given = false;
		values[i].number = specs[i].fallback;
		values[i].choice = (size_t)specs[i].fallback;
	}

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

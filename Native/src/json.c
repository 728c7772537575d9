#include "json.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "fail.h"

#define JSON_MAX_DEPTH 16

/*
 * One entry per open container: whether a value was already written in it,
 * i.e. whether the next one needs a comma.
 */
static bool has_value[JSON_MAX_DEPTH];
static int depth;
static bool after_key;
static int first_write_errno;

static void put(const char *text)
{
	errno = 0;
	if (fputs(text, stdout) == EOF && first_write_errno == 0)
		first_write_errno = errno ? errno : EIO;
}

/* Misuse is a bug in the probe, but it must still end as "exit 1", not abort. */
static _Noreturn void misuse(const char *what)
{
	fail_call("json writer", what);
}

static void begin_value(void)
{
	if (after_key) {
		after_key = false;
		return;
	}
	if (depth > 0 && has_value[depth - 1])
		put(",");
	if (depth > 0)
		has_value[depth - 1] = true;
}

static void open_container(const char *bracket)
{
	begin_value();
	if (depth == JSON_MAX_DEPTH)
		misuse("nesting too deep");
	put(bracket);
	has_value[depth++] = false;
}

static void close_container(const char *bracket)
{
	if (depth == 0 || after_key)
		misuse("container closed without being open or after a key");
	depth--;
	put(bracket);
}

void json_begin_object(void) { open_container("{"); }
void json_end_object(void) { close_container("}"); }
void json_begin_array(void) { open_container("["); }
void json_end_array(void) { close_container("]"); }

static void put_escaped(const char *text)
{
	char escape[8];

	put("\"");
	for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
		if (*c == '"' || *c == '\\') {
			escape[0] = '\\';
			escape[1] = (char)*c;
			escape[2] = '\0';
		} else if (*c < 0x20) {
			snprintf(escape, sizeof(escape), "\\u%04x", *c);
		} else {
			escape[0] = (char)*c;
			escape[1] = '\0';
		}
		put(escape);
	}
	put("\"");
}

void json_key(const char *key)
{
	if (after_key)
		misuse("two keys in a row");
	begin_value();
	put_escaped(key);
	put(":");
	after_key = true;
}

void json_string(const char *text)
{
	if (text == NULL) {
		json_null();
		return;
	}
	begin_value();
	put_escaped(text);
}

void json_int(int64_t value)
{
	char digits[24];

	begin_value();
	snprintf(digits, sizeof(digits), "%" PRId64, value);
	put(digits);
}

void json_uint(uint64_t value)
{
	char digits[24];

	begin_value();
	snprintf(digits, sizeof(digits), "%" PRIu64, value);
	put(digits);
}

void json_bool(bool value)
{
	begin_value();
	put(value ? "true" : "false");
}

void json_null(void)
{
	begin_value();
	put("null");
}

void json_key_string(const char *key, const char *text)
{
	json_key(key);
	json_string(text);
}

void json_key_int(const char *key, int64_t value)
{
	json_key(key);
	json_int(value);
}

void json_key_uint(const char *key, uint64_t value)
{
	json_key(key);
	json_uint(value);
}

void json_key_bool(const char *key, bool value)
{
	json_key(key);
	json_bool(value);
}

void json_finish(void)
{
	if (depth != 0 || after_key)
		misuse("document finished with a container still open");
	put("\n");
	errno = 0;
	if (fflush(stdout) == EOF && first_write_errno == 0)
		first_write_errno = errno ? errno : EIO;
	if (first_write_errno != 0)
		fail_call("write stdout", strerror(first_write_errno));
}

/*
 * A streaming JSON writer to stdout, just enough for flat facts: the caller
 * opens and closes containers and names keys; commas are placed here.
 *
 * Output errors are remembered, not reported, until json_finish(), which
 * exits 1 if any byte could not be written.
 */
#ifndef OOLPROBE_JSON_H
#define OOLPROBE_JSON_H

#include <stdbool.h>
#include <stdint.h>

void json_begin_object(void);
void json_end_object(void);
void json_begin_array(void);
void json_end_array(void);

/* Inside an object: names the next value. */
void json_key(const char *key);

void json_string(const char *text);	/* NULL writes null */
void json_int(int64_t value);
void json_uint(uint64_t value);
void json_bool(bool value);
void json_null(void);

/* key + value in one call, for the common case. */
void json_key_string(const char *key, const char *text);
void json_key_int(const char *key, int64_t value);
void json_key_uint(const char *key, uint64_t value);
void json_key_bool(const char *key, bool value);

/* Ends the document with a newline, flushes, exits 1 if stdout failed. */
void json_finish(void);

#endif

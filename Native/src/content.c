#include "content.h"

#include <string.h>

#include "json.h"

/*
 * Offset and seed both shift the byte, and the page number too, so two
 * pages of one writer differ and a page mapped at the wrong offset shows.
 * Never zero for a real seed: a page that was never written cannot pass.
 */
unsigned char content_byte(enum content_seed seed, uint64_t offset)
{
	unsigned char byte;

	if (seed == CONTENT_ZEROS)
		return 0;
	byte = (unsigned char)(seed + offset * 7u + (offset >> 12) * 13u);
	return byte == 0 ? (unsigned char)seed : byte;
}

void content_fill(volatile unsigned char *base, uint64_t length,
		  enum content_seed seed)
{
	for (uint64_t i = 0; i < length; i++)
		base[i] = content_byte(seed, i);
}

void content_check_begin(struct content_check *check)
{
	memset(check, 0, sizeof(*check));
	check->checked = true;
	check->holds = true;
}

void content_check_where(struct content_check *check, uint32_t where)
{
	check->has_where = true;
	check->where = where;
}

void content_expect(struct content_check *check,
		    const volatile unsigned char *base, uint64_t from,
		    uint64_t length, enum content_seed seed)
{
	for (uint64_t i = from; i < from + length; i++) {
		unsigned char want = content_byte(seed, i);
		unsigned char got = base[i];

		if (got != want && check->holds) {
			check->holds = false;
			check->mismatch_offset = i;
			check->expected = want;
			check->actual = got;
			check->mismatch_where = check->where;
		}
	}
	check->bytes_checked += length;
}

void content_check_emit(const char *key, const struct content_check *check)
{
	content_check_emit_where(key, check, NULL);
}

void content_check_emit_where(const char *key,
			      const struct content_check *check,
			      const char *where_key)
{
	json_key(key);
	if (!check->checked) {
		json_null();
		return;
	}
	json_begin_object();
	json_key_bool("holds", check->holds);
	json_key_uint("bytes_checked", check->bytes_checked);
	json_key("mismatch");
	if (check->holds) {
		json_null();
	} else {
		json_begin_object();
		if (where_key != NULL && check->has_where)
			json_key_uint(where_key, check->mismatch_where);
		json_key_uint("offset", check->mismatch_offset);
		json_key_uint("expected", check->expected);
		json_key_uint("actual", check->actual);
		json_end_object();
	}
	json_end_object();
}

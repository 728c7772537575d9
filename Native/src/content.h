/*
 * What a process reads back from memory another process may have written:
 * the security half of copy-on-write. Each writer fills with a pattern of
 * its own (a seed), which differs from byte to byte, so bytes from the
 * wrong writer, from the wrong offset, or never written all show.
 *
 * A check is plain bytes (it crosses pipes as is) and keeps the first
 * byte that differs, so a failure names the offset and both values.
 */
#ifndef OOLPROBE_CONTENT_H
#define OOLPROBE_CONTENT_H

#include <stdbool.h>
#include <stdint.h>

/* Seeds of the writers; 0 is never a seed: it stands for "zeros". */
enum content_seed {
	CONTENT_ZEROS = 0,
	CONTENT_PARENT = 0xa1,		/* fork: the parent's first write */
	CONTENT_CHILD = 0xc4,		/* fork: the child's write */
	CONTENT_PARENT_AGAIN = 0xa6,	/* fork: the parent's second write */
	CONTENT_SENDER = 0x5e,		/* OOL: what is sent */
	CONTENT_SENDER_AGAIN = 0x5a,	/* OOL: the sender's write after the send */
	CONTENT_RECEIVER = 0x7c,	/* OOL: the receiver's write */
	CONTENT_ORIGINAL = 0x3b,	/* second view: the original's fill */
	CONTENT_ORIGINAL_AGAIN = 0x3e,	/* second view: the original's write */
	CONTENT_VIEW = 0x9d,		/* second view: the view's write */
};

struct content_check {
	bool checked;		/* false: the check could not apply */
	bool holds;
	uint64_t bytes_checked;
	uint64_t mismatch_offset;	/* when !holds: first differing byte */
	unsigned char expected;
	unsigned char actual;
	/*
	 * One check may cover several buffers (two messages, say): where
	 * names the buffer now being compared, mismatch_where the one that
	 * differed first. Meaningful only once content_check_where was called.
	 */
	bool has_where;
	uint32_t where;
	uint32_t mismatch_where;
};

/* The byte seed's writer puts at offset (CONTENT_ZEROS: 0). */
unsigned char content_byte(enum content_seed seed, uint64_t offset);

/* Writes seed's pattern into [base, base + length); base is offset 0. */
void content_fill(volatile unsigned char *base, uint64_t length,
		  enum content_seed seed);

/*
 * Compares [base + from, base + from + length) with seed's pattern at the
 * same offsets, adding to check (start with content_check_begin). Reads
 * only; reading may still fault pages in, so call it after observing.
 */
void content_check_begin(struct content_check *check);
/* The buffer the following content_expect calls compare (a number > 0). */
void content_check_where(struct content_check *check, uint32_t where);
void content_expect(struct content_check *check,
		    const volatile unsigned char *base, uint64_t from,
		    uint64_t length, enum content_seed seed);

/* Writes key: {"holds", "bytes_checked", "mismatch"} (null when unchecked). */
void content_check_emit(const char *key, const struct content_check *check);

/*
 * Same, and the mismatch also names its buffer under where_key
 * ("message": 2) when the check was told where it was comparing.
 */
void content_check_emit_where(const char *key,
			      const struct content_check *check,
			      const char *where_key);

#endif

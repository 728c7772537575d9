#include "xnu_payload.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <mach/vm_page_size.h>

#include "json.h"
#include "xnu_layouts.h"

/*
 * mincore answers one byte a page; a fixed vector, reused chunk by chunk,
 * keeps a 2 GiB payload from needing 512 KiB of heap per observation (and
 * keeps the observation off the heap that a malloc'ed payload lives in).
 */
#define VECTOR_PAGES 4096

/*
 * mincore's page is the task's page (vm_page_size): the kernel uses the
 * map's page size where it is smaller than its own (Rosetta), and the two
 * are equal otherwise.
 */
static void count_flags(const unsigned char *vector, size_t pages,
			struct xnu_payload *out)
{
	for (size_t i = 0; i < pages; i++) {
		unsigned char flags = vector[i];

		out->resident += (flags & MINCORE_INCORE) != 0;
		out->dirty += (flags & MINCORE_MODIFIED) != 0;
		out->referenced += (flags & MINCORE_REFERENCED) != 0;
		out->copied += (flags & MINCORE_COPIED) != 0;
		out->paged_out += (flags & MINCORE_PAGED_OUT) != 0;
		out->anonymous += (flags & MINCORE_ANONYMOUS) != 0;
	}
}

bool xnu_payload_observe(vm_address_t address, uint64_t bytes,
			 struct xnu_payload *out, struct call_error *error)
{
	unsigned char vector[VECTOR_PAGES];
	uint64_t page = vm_page_size;
	uint64_t first = address & ~(page - 1);
	uint64_t end = (address + bytes + page - 1) & ~(page - 1);

	memset(out, 0, sizeof(*out));
	out->pages = (end - first) / page;
	for (uint64_t at = first; at < end;) {
		uint64_t chunk = (end - at) / page;

		if (chunk > VECTOR_PAGES)
			chunk = VECTOR_PAGES;
		memset(vector, 0, sizeof(vector));
		if (mincore((const void *)(uintptr_t)at, (size_t)(chunk * page),
			    (char *)vector) != 0)
			return record_errno(error, "mincore", errno);
		count_flags(vector, (size_t)chunk, out);
		at += chunk * page;
	}
	return true;
}

void xnu_payload_emit(const struct xnu_payload *payload)
{
	json_begin_object();
	json_key_uint("pages", payload->pages);
	json_key_uint("resident", payload->resident);
	json_key_uint("dirty", payload->dirty);
	json_key_uint("referenced", payload->referenced);
	json_key_uint("copied", payload->copied);
	json_key_uint("paged_out", payload->paged_out);
	json_key_uint("anonymous", payload->anonymous);
	json_end_object();
}

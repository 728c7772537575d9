/*
 * Facts of a payload's own pages: the pages covering [address,
 * address + bytes), which may be fewer than its region's (a malloc'ed
 * block lives in the allocator's region, next to other blocks). Counts
 * only, so a 2 GiB payload is as small a record as a one-page one. Plain
 * bytes: it crosses the receiver's pipe.
 */
#ifndef OOLPROBE_XNU_PAYLOAD_H
#define OOLPROBE_XNU_PAYLOAD_H

#include <stdbool.h>
#include <stdint.h>
#include <mach/mach.h>

#include "fail.h"

/*
 * mincore(2)'s flags counted over the range. On XNU, mincore asks
 * vm_map_page_range_info_internal (bsd/kern/kern_mman.c, xnu-11417.121.6),
 * which looks for each page in the entry's object and then down its
 * shadow chain, so:
 *   resident    the page is in memory in the object or one it shadows
 *               (a page still shared copy-on-write counts)
 *   copied      found in the entry's own object while that object has a
 *               shadow: the task's private copy of a page
 *   dirty, referenced   of the page found (the VM page or its pmap bits)
 *   paged_out   held by the compressor instead
 *   anonymous   not from an external pager
 */
struct xnu_payload {
	uint64_t pages;		/* pages covering the payload */
	uint64_t resident;
	uint64_t dirty;
	uint64_t referenced;
	uint64_t copied;
	uint64_t paged_out;
	uint64_t anonymous;
};

/* Reads only the kernel's view; never touches the memory. */
bool xnu_payload_observe(vm_address_t address, uint64_t bytes,
			 struct xnu_payload *out, struct call_error *error);

/* Writes the facts as a JSON object value. */
void xnu_payload_emit(const struct xnu_payload *payload);

#endif

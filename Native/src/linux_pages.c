/*
 * Linux backend of page_probe.h.
 *
 * Per page, /proc/self/pagemap says whether the page is present and which
 * frame backs it, and /proc/kpagecount how many page tables map that frame.
 * Per buffer, /proc/self/smaps gives the VMA's resident and shared sizes.
 * Frame numbers are root-only: without them the frame facts stay unknown,
 * with the reason, rather than guessed.
 */
#include "page_probe.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "json.h"
#include "pipe_io.h"

/* Bits of a pagemap entry, see Documentation/admin-guide/mm/pagemap.rst. */
#define PAGEMAP_PRESENT		(UINT64_C(1) << 63)
#define PAGEMAP_SWAPPED		(UINT64_C(1) << 62)
#define PAGEMAP_FILE_OR_SHARED	(UINT64_C(1) << 61)
#define PAGEMAP_EXCLUSIVE	(UINT64_C(1) << 56)
#define PAGEMAP_SOFT_DIRTY	(UINT64_C(1) << 55)
#define PAGEMAP_PFN_MASK	((UINT64_C(1) << 55) - 1)

struct linux_page {
	bool present;
	bool swapped;
	bool exclusive;
	bool soft_dirty;
	bool file_or_shared;
	bool frame_known;	/* pfn and map_count hold real values */
	uint64_t pfn;
	uint64_t map_count;
};

struct linux_vma {
	uint64_t start;
	uint64_t end;
	uint64_t rss_kb;
	uint64_t pss_kb;
	uint64_t private_clean_kb;
	uint64_t private_dirty_kb;
	uint64_t shared_clean_kb;
	uint64_t shared_dirty_kb;
	uint64_t anonymous_kb;
	uint64_t swap_kb;
};

struct page_observation {
	size_t pages;
	int cpus_allowed;	/* CPUs the observing process may run on */
	int pinned_cpu;		/* the one CPU when cpus_allowed is 1 */
	bool frames_available;
	char frames_reason[160];
	struct linux_page page[PAGE_PROBE_MAX_PAGES];
	struct linux_vma vma;
};

const char *page_probe_kernel(void)
{
	return "linux";
}

size_t page_observation_size(void)
{
	return sizeof(struct page_observation);
}

/*
 * A write by the last process mapping an anonymous page reuses the page only
 * when nothing else holds a reference to it. A page that was just faulted in
 * sits in a per-CPU LRU batch, which holds one; the fault path drains only
 * its own CPU's batch. Run on one CPU (fork passes the affinity on to the
 * child), and what the parent's last write does no longer depends on which
 * CPU the scheduler happened to pick. Seen without this: 23 runs in 1,200
 * copied the page, with other processes loading both CPUs; pinned, none.
 * The reuse claim is made of pinned runs only, so every observation records
 * the affinity (read_affinity) rather than trusting this call.
 */
static bool pin_to_current_cpu(struct call_error *error)
{
	cpu_set_t one;
	int cpu = sched_getcpu();

	if (cpu < 0)
		return record_errno(error, "sched_getcpu", errno);
	CPU_ZERO(&one);
	CPU_SET((size_t)cpu, &one);
	if (sched_setaffinity(0, sizeof(one), &one) != 0)
		return record_errno(error, "sched_setaffinity", errno);
	return true;
}

/*
 * Which CPUs the observer may run on, so that a run shows the pinning
 * above held in both processes rather than trusting that it did.
 */
static bool read_affinity(struct page_observation *out,
			  struct call_error *error)
{
	cpu_set_t allowed;

	CPU_ZERO(&allowed);
	if (sched_getaffinity(0, sizeof(allowed), &allowed) != 0)
		return record_errno(error, "sched_getaffinity", errno);
	out->cpus_allowed = CPU_COUNT(&allowed);
	out->pinned_cpu = -1;
	for (int cpu = 0; cpu < CPU_SETSIZE && out->cpus_allowed == 1; cpu++)
		if (CPU_ISSET(cpu, &allowed))
			out->pinned_cpu = cpu;
	return true;
}

/*
 * The buffer sits between two PROT_NONE guard pages so that it is a VMA of
 * its own: without them the kernel may merge it with a neighbouring
 * anonymous mapping, and smaps would describe both. Huge pages are turned
 * off because one huge frame would back every page and the per-page facts
 * would then be about the huge page.
 *
 * Every setup reserves the buffer and its guards in one mapping of the
 * setup's kind (a MAP_SHARED one is one shmem object, of which the buffer
 * is the middle), opens the buffer's pages for reading and writing, then
 * gives the advice, if any, to the buffer's pages only.
 */
static const struct {
	bool linux_has_it;
	int kind;		/* MAP_PRIVATE or MAP_SHARED */
	int advice;		/* for madvise, when advice_call is set */
	const char *advice_call;
} setups[PAGE_SETUP_COUNT] = {
	[PAGE_SETUP_DEFAULT] = { true, MAP_PRIVATE, 0, NULL },
	[PAGE_SETUP_LINUX_SHARED] = { true, MAP_SHARED, 0, NULL },
	[PAGE_SETUP_LINUX_DONTFORK] = { true, MAP_PRIVATE, MADV_DONTFORK,
					"madvise(MADV_DONTFORK)" },
	[PAGE_SETUP_LINUX_WIPEONFORK] = { true, MAP_PRIVATE, MADV_WIPEONFORK,
					  "madvise(MADV_WIPEONFORK)" },
};

bool page_buffer_map_as(struct page_buffer *buffer, size_t pages,
			enum page_buffer_setup setup,
			struct call_error *error)
{
	long page_size = sysconf(_SC_PAGESIZE);
	unsigned char *mapping;
	size_t length;

	if ((unsigned int)setup >= PAGE_SETUP_COUNT ||
	    !setups[setup].linux_has_it)
		return record_call_error(error, "page_buffer_map_as",
					 "not a setup Linux has");
	if (!pin_to_current_cpu(error))
		return false;
	if (page_size <= 0)
		return record_errno(error, "sysconf(_SC_PAGESIZE)", errno);
	length = (pages + 2) * (size_t)page_size;
	mapping = mmap(NULL, length, PROT_NONE,
		       setups[setup].kind | MAP_ANONYMOUS, -1, 0);
	if (mapping == MAP_FAILED)
		return record_errno(error, "mmap", errno);

	buffer->base = mapping + page_size;
	buffer->page_size = (size_t)page_size;
	buffer->pages = pages;
	if (mprotect(buffer->base, pages * buffer->page_size,
		     PROT_READ | PROT_WRITE) != 0)
		return record_errno(error, "mprotect", errno);
	if (madvise(buffer->base, pages * buffer->page_size,
		    MADV_NOHUGEPAGE) != 0)
		return record_errno(error, "madvise(MADV_NOHUGEPAGE)", errno);
	if (setups[setup].advice_call != NULL &&
	    madvise(buffer->base, pages * buffer->page_size,
		    setups[setup].advice) != 0)
		return record_errno(error, setups[setup].advice_call, errno);
	return true;
}

/*
 * Opened anew for every observation: /proc/self is resolved at open time,
 * so a descriptor inherited across fork would show the parent's pages.
 */
static bool read_pagemap(const struct page_buffer *buffer,
			 struct page_observation *out,
			 struct call_error *error)
{
	uint64_t entries[PAGE_PROBE_MAX_PAGES];
	size_t want = buffer->pages * sizeof(entries[0]);
	off_t offset = (off_t)((uintptr_t)buffer->base / buffer->page_size *
			       sizeof(entries[0]));
	int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	ssize_t got;

	if (fd < 0)
		return record_errno(error, "open /proc/self/pagemap", errno);
	got = pread_full(fd, entries, want, offset);
	if (got < 0) {
		int saved = errno;

		close(fd);
		return record_errno(error, "pread /proc/self/pagemap", saved);
	}
	close(fd);
	if ((size_t)got != want)
		return record_call_error(error, "pread /proc/self/pagemap",
					 "short read");

	for (size_t i = 0; i < buffer->pages; i++) {
		struct linux_page *page = &out->page[i];

		page->present = entries[i] & PAGEMAP_PRESENT;
		page->swapped = entries[i] & PAGEMAP_SWAPPED;
		page->file_or_shared = entries[i] & PAGEMAP_FILE_OR_SHARED;
		page->exclusive = entries[i] & PAGEMAP_EXCLUSIVE;
		page->soft_dirty = entries[i] & PAGEMAP_SOFT_DIRTY;
		/* For a swapped page these bits are a swap slot, not a frame. */
		if (page->present)
			page->pfn = entries[i] & PAGEMAP_PFN_MASK;
	}
	return true;
}

static void frames_unavailable(struct page_observation *out, const char *call,
			       const char *text)
{
	out->frames_available = false;
	snprintf(out->frames_reason, sizeof(out->frames_reason), "%s: %s",
		 call, text);
	for (size_t i = 0; i < out->pages; i++) {
		out->page[i].frame_known = false;
		out->page[i].pfn = 0;
		out->page[i].map_count = 0;
	}
}

/*
 * Missing frame facts are an outcome, not a failure: an unprivileged run
 * still has everything else to say.
 */
static void read_map_counts(struct page_observation *out)
{
	int fd = open("/proc/kpagecount", O_RDONLY | O_CLOEXEC);

	out->frames_available = true;
	if (fd < 0) {
		frames_unavailable(out, "open /proc/kpagecount",
				   strerror(errno));
		return;
	}
	for (size_t i = 0; i < out->pages; i++) {
		struct linux_page *page = &out->page[i];
		uint64_t count;
		ssize_t got;

		if (!page->present)
			continue;
		/* The kernel zeroes frame numbers for readers without CAP_SYS_ADMIN. */
		if (page->pfn == 0) {
			frames_unavailable(out, "/proc/self/pagemap",
					   "frame number 0 for a present page");
			break;
		}
		got = pread_full(fd, &count, sizeof(count),
				 (off_t)(page->pfn * sizeof(count)));
		if (got != (ssize_t)sizeof(count)) {
			frames_unavailable(out, "pread /proc/kpagecount",
					   got < 0 ? strerror(errno)
						   : "short read");
			break;
		}
		page->map_count = count;
		page->frame_known = true;
	}
	close(fd);
}

/* "7f12a000-7f12c000 rw-p ..." starts a VMA; "Rss:   8 kB" does not. */
static bool parse_vma_header(const char *line, uint64_t *start, uint64_t *end)
{
	char *after_start;
	char *after_end;

	*start = strtoull(line, &after_start, 16);
	if (after_start == line || *after_start != '-')
		return false;
	*end = strtoull(after_start + 1, &after_end, 16);
	return after_end != after_start + 1 && *after_end == ' ';
}

/* The smaps lines read for the buffer's VMA, and the JSON key of each. */
static const struct {
	const char *name;
	const char *key;
	size_t offset;
} vma_fields[] = {
	{ "Rss", "rss_kb", offsetof(struct linux_vma, rss_kb) },
	{ "Pss", "pss_kb", offsetof(struct linux_vma, pss_kb) },
	{ "Private_Clean", "private_clean_kb",
	  offsetof(struct linux_vma, private_clean_kb) },
	{ "Private_Dirty", "private_dirty_kb",
	  offsetof(struct linux_vma, private_dirty_kb) },
	{ "Shared_Clean", "shared_clean_kb",
	  offsetof(struct linux_vma, shared_clean_kb) },
	{ "Shared_Dirty", "shared_dirty_kb",
	  offsetof(struct linux_vma, shared_dirty_kb) },
	{ "Anonymous", "anonymous_kb", offsetof(struct linux_vma, anonymous_kb) },
	{ "Swap", "swap_kb", offsetof(struct linux_vma, swap_kb) },
};

#define VMA_FIELD_COUNT (sizeof(vma_fields) / sizeof(vma_fields[0]))

/* Returns the index of the field this "Name:   N kB" line sets, or -1. */
static int parse_vma_field(const char *line, struct linux_vma *vma)
{
	const char *colon = strchr(line, ':');
	char *unit;

	if (colon == NULL)
		return -1;
	for (size_t i = 0; i < VMA_FIELD_COUNT; i++) {
		size_t length = strlen(vma_fields[i].name);
		uint64_t kb;

		/* Exact names: "Pss" must not match "Pss_Dirty" or "SwapPss". */
		if ((size_t)(colon - line) != length ||
		    strncmp(line, vma_fields[i].name, length) != 0)
			continue;
		kb = strtoull(colon + 1, &unit, 10);
		if (unit == colon + 1 || strncmp(unit, " kB", 3) != 0)
			return -1;
		memcpy((char *)vma + vma_fields[i].offset, &kb, sizeof(kb));
		return (int)i;
	}
	return -1;
}

/* Same reason as for pagemap: smaps is opened by the process it describes. */
static bool read_smaps(const struct page_buffer *buffer,
		       struct page_observation *out, struct call_error *error)
{
	uintptr_t address = (uintptr_t)buffer->base;
	FILE *smaps = fopen("/proc/self/smaps", "re");
	char *line = NULL;
	size_t capacity = 0;
	bool inside = false;
	bool found[VMA_FIELD_COUNT] = { false };

	if (smaps == NULL)
		return record_errno(error, "open /proc/self/smaps", errno);

	errno = 0;
	while (getline(&line, &capacity, smaps) != -1) {
		uint64_t start, end;

		if (parse_vma_header(line, &start, &end)) {
			if (inside)
				break;
			inside = start <= address && address < end;
			out->vma.start = start;
			out->vma.end = end;
			continue;
		}
		if (inside) {
			int field = parse_vma_field(line, &out->vma);

			if (field >= 0)
				found[field] = true;
		}
		errno = 0;
	}
	int read_errno = ferror(smaps) ? (errno ? errno : EIO) : 0;

	free(line);
	fclose(smaps);
	if (read_errno != 0)
		return record_errno(error, "read /proc/self/smaps", read_errno);
	if (!inside)
		return record_call_error(error, "/proc/self/smaps",
					 "no VMA contains the buffer");
	for (size_t i = 0; i < VMA_FIELD_COUNT; i++) {
		if (!found[i]) {
			char text[64];

			snprintf(text, sizeof(text), "no %s line for the buffer",
				 vma_fields[i].name);
			return record_call_error(error, "/proc/self/smaps",
						 text);
		}
	}
	return true;
}

/*
 * /proc/self/maps lists this process's VMAs; the buffer is mapped when one
 * of them holds its first byte. Same reason as above for opening it anew.
 */
bool page_buffer_is_mapped(const struct page_buffer *buffer, bool *mapped,
			   struct call_error *error)
{
	uintptr_t first = (uintptr_t)buffer->base;
	uintptr_t end = first + buffer->pages * buffer->page_size;
	FILE *maps = fopen("/proc/self/maps", "re");
	char *line = NULL;
	size_t capacity = 0;
	uint64_t start = 0, vma_end = 0;

	if (maps == NULL)
		return record_errno(error, "open /proc/self/maps", errno);
	*mapped = false;
	errno = 0;
	while (getline(&line, &capacity, maps) != -1) {
		if (parse_vma_header(line, &start, &vma_end) &&
		    start <= first && first < vma_end) {
			*mapped = true;
			break;
		}
		errno = 0;
	}
	int read_errno = ferror(maps) ? (errno ? errno : EIO) : 0;

	free(line);
	fclose(maps);
	if (read_errno != 0)
		return record_errno(error, "read /proc/self/maps", read_errno);
	if (*mapped && vma_end < end)
		return record_call_error(error, "/proc/self/maps",
					 "the buffer is mapped only in part");
	return true;
}

bool page_buffer_observe(const struct page_buffer *buffer,
			 struct page_observation *out,
			 struct call_error *error)
{
	/* Zeroed, padding included: the bytes may cross a pipe. */
	memset(out, 0, sizeof(*out));
	out->pages = buffer->pages;
	if (!read_affinity(out, error) || !read_pagemap(buffer, out, error))
		return false;
	read_map_counts(out);
	return read_smaps(buffer, out, error);
}

/*
 * The child waits on a pipe for its parent, which is enough while the
 * parent lives; the death signal also covers a parent killed outright.
 */
bool page_probe_child_setup(pid_t parent, struct call_error *error)
{
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
		return record_errno(error, "prctl(PR_SET_PDEATHSIG)", errno);
	/* The parent may have died before the signal was armed. */
	if (getppid() != parent)
		return record_call_error(error, "getppid",
					 "parent exited before the child started");
	return true;
}

void page_probe_emit_run(const struct page_observation *const observations[],
			 size_t count)
{
	const char *reason = NULL;

	for (size_t i = 0; i < count && reason == NULL; i++)
		if (!observations[i]->frames_available)
			reason = observations[i]->frames_reason;

	json_key("frames");
	json_begin_object();
	json_key_bool("available", reason == NULL);
	json_key_string("reason", reason);
	json_end_object();
}

static void emit_frame_fact(const char *key, bool known, uint64_t value)
{
	json_key(key);
	if (known)
		json_uint(value);
	else
		json_null();
}

void page_observation_emit(const struct page_observation *observation)
{
	const struct linux_vma *vma = &observation->vma;

	json_key_uint("cpus_allowed", (uint64_t)observation->cpus_allowed);
	json_key("pinned_cpu");
	if (observation->pinned_cpu >= 0)
		json_uint((uint64_t)observation->pinned_cpu);
	else
		json_null();
	json_key("pages");
	json_begin_array();
	for (size_t i = 0; i < observation->pages; i++) {
		const struct linux_page *page = &observation->page[i];

		json_begin_object();
		json_key_bool("present", page->present);
		json_key_bool("swapped", page->swapped);
		json_key_bool("exclusive", page->exclusive);
		json_key_bool("soft_dirty", page->soft_dirty);
		json_key_bool("file_or_shared", page->file_or_shared);
		emit_frame_fact("pfn", page->frame_known, page->pfn);
		emit_frame_fact("map_count", page->frame_known,
				page->map_count);
		json_end_object();
	}
	json_end_array();

	json_key("vma");
	json_begin_object();
	json_key_uint("start", vma->start);
	json_key_uint("end", vma->end);
	for (size_t i = 0; i < VMA_FIELD_COUNT; i++) {
		uint64_t kb;

		memcpy(&kb, (const char *)vma + vma_fields[i].offset, sizeof(kb));
		json_key_uint(vma_fields[i].key, kb);
	}
	json_end_object();
}

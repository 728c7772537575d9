/*
 * XNU backend of second-view (second_view.h): the same memory mapped a
 * second time in this task, through mach_vm_remap or a memory entry
 * mapped with mach_vm_map. Every call's kern_return_t is an observation: a
 * refusal is recorded, not reported as a probe failure. Each side is
 * described by its region (vm_region_recurse_64): share mode, reference
 * count, VM object, user tag, resident pages.
 *
 * Compiled and linked for macOS here, never run: its observations come
 * from a Mac only.
 */
#include "second_view.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <mach/mach.h>
#include <mach/memory_object_types.h>
#include <mach/vm_map.h>

/*
 * The SDK declares the mach_vm_* calls in mach/mach_vm.h; zig's macOS
 * headers (what the cross-compile uses) leave that file out, so the same
 * prototypes are given here, and the link against libSystem checks them.
 */
#if __has_include(<mach/mach_vm.h>)
#include <mach/mach_vm.h>
#else
kern_return_t mach_vm_allocate(vm_map_t target, mach_vm_address_t *address,
			       mach_vm_size_t size, int flags);
kern_return_t mach_vm_remap(vm_map_t target_task,
			    mach_vm_address_t *target_address,
			    mach_vm_size_t size, mach_vm_offset_t mask,
			    int flags, vm_map_t src_task,
			    mach_vm_address_t src_address, boolean_t copy,
			    vm_prot_t *cur_protection,
			    vm_prot_t *max_protection,
			    vm_inherit_t inheritance);
kern_return_t mach_vm_map(vm_map_t target_task, mach_vm_address_t *address,
			  mach_vm_size_t size, mach_vm_offset_t mask, int flags,
			  mem_entry_name_port_t object,
			  memory_object_offset_t offset, boolean_t copy,
			  vm_prot_t cur_protection, vm_prot_t max_protection,
			  vm_inherit_t inheritance);
#endif

#include "fail.h"
#include "json.h"
#include "page_probe.h"
#include "xnu_fail.h"
#include "xnu_region.h"

#define MAX_CALLS 2

struct view_call {
	const char *call;
	kern_return_t result;
};

struct xnu_run {
	const struct second_view_row *row;
	size_t page_size;
	size_t pages;
	mach_vm_address_t original;
	mach_vm_address_t view;
	bool view_mapped;	/* the last call mapped something */
	bool view_whole;	/* and it covers the original's length */
	struct view_call calls[MAX_CALLS];
	size_t call_count;
	struct xnu_region regions[VIEW_STEP_COUNT][2];
	bool observed[VIEW_STEP_COUNT][2];
};

/* The codes these calls return, by name; any other as its number. */
static const char *kern_name(int result)
{
	static char number[32];

	switch (result) {
	case KERN_SUCCESS: return "KERN_SUCCESS";
	case KERN_INVALID_ADDRESS: return "KERN_INVALID_ADDRESS";
	case KERN_PROTECTION_FAILURE: return "KERN_PROTECTION_FAILURE";
	case KERN_NO_SPACE: return "KERN_NO_SPACE";
	case KERN_INVALID_ARGUMENT: return "KERN_INVALID_ARGUMENT";
	case KERN_FAILURE: return "KERN_FAILURE";
	case KERN_INVALID_RIGHT: return "KERN_INVALID_RIGHT";
	case KERN_INVALID_VALUE: return "KERN_INVALID_VALUE";
	case KERN_MEMORY_ERROR: return "KERN_MEMORY_ERROR";
	}
	snprintf(number, sizeof(number), "kern_return %d", result);
	return number;
}

static bool record_call(struct xnu_run *run, const char *call,
			kern_return_t result)
{
	run->calls[run->call_count].call = call;
	run->calls[run->call_count].result = result;
	run->call_count++;
	return result == KERN_SUCCESS;
}

static void remap(struct xnu_run *run, boolean_t copy)
{
	vm_prot_t current = VM_PROT_NONE;
	vm_prot_t maximum = VM_PROT_NONE;
	kern_return_t result = mach_vm_remap(
		mach_task_self(), &run->view, run->pages * run->page_size, 0,
		VM_FLAGS_ANYWHERE, mach_task_self(), run->original, copy,
		&current, &maximum, VM_INHERIT_NONE);

	run->view_mapped = record_call(run, copy ? "mach_vm_remap(copy = TRUE)"
						 : "mach_vm_remap(copy = FALSE)",
				       result);
}

/*
 * Makes a memory entry of size bytes of the original with the given
 * protection and flags, then maps it whole with read and write asked.
 */
static void map_entry(struct xnu_run *run, memory_object_size_t size,
		      vm_prot_t permission, const char *make_call)
{
	mach_port_t entry = MACH_PORT_NULL;
	memory_object_size_t entry_size = size;
	kern_return_t result = mach_make_memory_entry_64(
		mach_task_self(), &entry_size, run->original, permission,
		&entry, MACH_PORT_NULL);

	if (!record_call(run, make_call, result))
		return;
	result = mach_vm_map(mach_task_self(), &run->view, size, 0,
			     VM_FLAGS_ANYWHERE, entry, 0, FALSE,
			     VM_PROT_READ | VM_PROT_WRITE,
			     VM_PROT_READ | VM_PROT_WRITE, VM_INHERIT_NONE);
	run->view_mapped = record_call(run, "mach_vm_map(VM_PROT_READ|"
					    "VM_PROT_WRITE)",
				       result);
	mach_port_deallocate(mach_task_self(), entry);
}

static void make_view(struct xnu_run *run)
{
	memory_object_size_t length = run->pages * run->page_size;
	const vm_prot_t read_write = VM_PROT_READ | VM_PROT_WRITE;

	switch (run->row->way) {
	case VIEW_REMAP_SHARE:
		remap(run, FALSE);
		break;
	case VIEW_REMAP_COPY:
		remap(run, TRUE);
		break;
	case VIEW_ENTRY_SHARE:
		map_entry(run, length, read_write | MAP_MEM_VM_SHARE,
			  "mach_make_memory_entry_64(MAP_MEM_VM_SHARE)");
		break;
	case VIEW_ENTRY_COPY:
		map_entry(run, length, read_write | MAP_MEM_VM_COPY,
			  "mach_make_memory_entry_64(MAP_MEM_VM_COPY)");
		break;
	case VIEW_ENTRY_READ_ONLY:
		map_entry(run, length, VM_PROT_READ | MAP_MEM_VM_SHARE,
			  "mach_make_memory_entry_64(VM_PROT_READ, "
			  "MAP_MEM_VM_SHARE)");
		break;
	case VIEW_ENTRY_UNALIGNED:
		/* One byte short of the original: not a whole page. */
		map_entry(run, length - 1, read_write | MAP_MEM_VM_SHARE,
			  "mach_make_memory_entry_64(size - 1, "
			  "MAP_MEM_VM_SHARE)");
		break;
	default:
		fail_call("second-view", "not an XNU row");
	}
}

/*
 * Whether the view can be read and written over the original's whole
 * length: a view shorter than that (an unaligned entry may be), or mapped
 * without write, is described but never touched, since touching it would
 * fault and end the probe instead of recording what the kernel did.
 */
static bool view_usable(const struct xnu_run *run)
{
	struct xnu_region region;
	struct call_error error;

	if (!xnu_region_at(mach_task_self(), (vm_address_t)run->view, &region,
			   &error))
		fail_recorded(&error);
	return region.end >= run->view + run->pages * run->page_size &&
	       (region.info.protection & VM_PROT_WRITE) != 0;
}

struct observe_context {
	struct xnu_run *run;
};

static void observe_both(void *context, enum view_step step)
{
	struct xnu_run *run = ((struct observe_context *)context)->run;
	struct call_error error;

	if (!xnu_region_at(mach_task_self(), (vm_address_t)run->original,
			   &run->regions[step][0], &error))
		fail_recorded(&error);
	run->observed[step][0] = true;
	if (!run->view_mapped)
		return;
	if (!xnu_region_at(mach_task_self(), (vm_address_t)run->view,
			   &run->regions[step][1], &error))
		fail_recorded(&error);
	run->observed[step][1] = true;
}

static void emit_side(const char *key, bool observed,
		      const struct xnu_region *region)
{
	json_key(key);
	if (!observed) {
		json_null();
		return;
	}
	json_begin_object();
	json_key("region");
	xnu_region_emit(region);
	json_end_object();
}

static void emit(const struct xnu_run *run, bool view_present,
		 const struct view_content *content)
{
	json_begin_object();
	second_view_emit_row(run->row);
	json_key_uint("page_size", run->page_size);
	json_key_uint("pages", run->pages);
	json_key_string("original_is", "memory");
	json_key("calls");
	json_begin_array();
	for (size_t i = 0; i < run->call_count; i++) {
		kern_return_t result = run->calls[i].result;

		json_begin_object();
		json_key_string("call", run->calls[i].call);
		json_key_bool("done", result == KERN_SUCCESS);
		json_key_string("error", result == KERN_SUCCESS
						 ? NULL : kern_name(result));
		json_key_int("kern_return", result);
		json_end_object();
	}
	json_end_array();
	json_key("steps");
	json_begin_array();
	for (int step = 0; step < VIEW_STEP_COUNT; step++) {
		json_begin_object();
		json_key_string("step", view_step_names[step]);
		emit_side("original", run->observed[step][0],
			  &run->regions[step][0]);
		emit_side("view", run->observed[step][1],
			  &run->regions[step][1]);
		json_end_object();
	}
	json_end_array();
	second_view_emit_content(content, view_present, kern_name);
	json_end_object();
	json_finish();
}

int second_view_run(const struct second_view_row *row, size_t pages)
{
	struct xnu_run run;
	struct view_side original, view;
	struct view_content content;
	struct observe_context context;
	kern_return_t result;
	int read_error;

	memset(&run, 0, sizeof(run));
	run.row = row;
	run.pages = pages;
	run.page_size = (size_t)vm_page_size;
	result = mach_vm_allocate(mach_task_self(), &run.original,
				  pages * run.page_size, VM_FLAGS_ANYWHERE);
	if (result != KERN_SUCCESS)
		fail_kern("mach_vm_allocate", result);
	content_fill((unsigned char *)(uintptr_t)run.original,
		     pages * run.page_size, CONTENT_ORIGINAL);
	make_view(&run);

	memset(&original, 0, sizeof(original));
	memset(&view, 0, sizeof(view));
	original.present = true;
	original.base = (unsigned char *)(uintptr_t)run.original;
	view.present = run.view_mapped && view_usable(&run);
	view.base = (unsigned char *)(uintptr_t)run.view;
	context.run = &run;
	if (!second_view_exchange(&original, &view,
				  (uint64_t)pages * run.page_size,
				  observe_both, &context, &content,
				  &read_error))
		fail_call("second-view", "a memory read failed");
	emit(&run, view.present, &content);
	return 0;
}

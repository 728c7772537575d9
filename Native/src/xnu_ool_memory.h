/*
 * The sender's buffer of ool-transfer, of the kind --memory names, and
 * what only purgeable memory has: its purgeable state.
 */
#ifndef OOLPROBE_XNU_OOL_MEMORY_H
#define OOLPROBE_XNU_OOL_MEMORY_H

#include <stdbool.h>
#include <stdint.h>
#include <mach/mach.h>

#include "fail.h"
#include "ool_transfer.h"

/* bytes of memory; *address is where the data starts. */
bool ool_memory_allocate(enum ool_memory memory, uint64_t bytes,
			 vm_address_t *address, struct call_error *error);

/* Gives a buffer the sender still owns back, the way it was allocated. */
void ool_memory_release(enum ool_memory memory, vm_address_t address,
			uint64_t bytes);

/*
 * vm_purgable_control VM_PURGABLE_GET_STATE at address: the raw state
 * (VM_PURGABLE_NONVOLATILE, ...). Fails for memory that is not purgeable.
 */
bool ool_memory_purgeable_state(vm_address_t address, int *state,
				struct call_error *error);

#endif

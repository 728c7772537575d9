/*
 * ool-transfer on XNU, the sender (this process):
 *
 *   1. starts the receiver and gets a send right to its inbox
 *   2. per message: allocates a buffer, writes --fill     before-send
 *   3. per message: sends it out of line                  queued
 *   4. receiver receives every message, looks at each     (received)
 *   5. sender looks again                                 after-receive
 *   6. receiver writes --receiver-fill into each, looks   (after-write)
 *   7. sender looks                                       after-receiver-write
 *      then writes its first page                         after-sender-write
 *   8. receiver ends; sender prints everything
 *
 * With --dealloc yes the kernel takes each buffer away at the send, so
 * before-send is the sender's only step: there is nothing left to look at.
 */
#include <string.h>
#include <mach/mach.h>
#include <mach/vm_map.h>
#include <mach/vm_page_size.h>
#include <mach/vm_statistics.h>

#include "json.h"
#include "ool_transfer.h"
#include "xnu_fail.h"
#include "xnu_layouts.h"
#include "xnu_ool.h"
#include "xnu_ool_layouts.h"
#include "xnu_ool_link.h"

enum sender_step {
	BEFORE_SEND,
	QUEUED,
	AFTER_RECEIVE,
	AFTER_RECEIVER_WRITE,
	AFTER_SENDER_WRITE,
	SENDER_STEP_COUNT
};

static const char *const sender_step_names[SENDER_STEP_COUNT] = {
	[BEFORE_SEND] = "before-send",
	[QUEUED] = "queued",
	[AFTER_RECEIVE] = "after-receive",
	[AFTER_RECEIVER_WRITE] = "after-receiver-write",
	[AFTER_SENDER_WRITE] = "after-sender-write",
};

struct sent_message {
	vm_address_t buffer;
	struct ool_observation steps[SENDER_STEP_COUNT];
};

struct transfer {
	const struct ool_transfer_options *options;
	struct ool_link link;
	struct sent_message sent[OOL_MAX_MESSAGES];
	struct ool_receive_report received;
	struct ool_write_report written;
};

/* Steps the sender has for each message: the buffer may be gone. */
static size_t sender_step_count(const struct transfer *transfer)
{
	return transfer->options->dealloc ? 1 : SENDER_STEP_COUNT;
}

static void observe(struct transfer *transfer, size_t index,
		    enum sender_step step)
{
	struct sent_message *sent = &transfer->sent[index];
	struct call_error error;

	if (!ool_observe(sent->buffer, &sent->steps[step], &error))
		ool_link_fail(&transfer->link, &error);
}

/*
 * Whole pages, tagged like fork-cow's buffer: the tag keeps the buffer
 * apart from untagged neighbours (it shows as user_tag 240).
 */
static void allocate_buffer(struct transfer *transfer, size_t index)
{
	vm_address_t address = 0;
	vm_size_t size = (vm_size_t)((transfer->options->bytes +
				      vm_page_size - 1) &
				     ~((uint64_t)vm_page_size - 1));
	kern_return_t result;
	struct call_error error;

	result = vm_allocate(mach_task_self(), &address, size,
			     VM_FLAGS_ANYWHERE |
				     VM_MAKE_TAG(VM_MEMORY_APPLICATION_SPECIFIC_1));
	if (result != KERN_SUCCESS) {
		record_kern_error(&error, "vm_allocate", result);
		ool_link_fail(&transfer->link, &error);
	}
	transfer->sent[index].buffer = address;
}

static void prepare_buffer(struct transfer *transfer, size_t index)
{
	allocate_buffer(transfer, index);
	ool_fill_buffer(transfer->sent[index].buffer, transfer->options->bytes,
			transfer->options->fill, OOL_SENDER_FILL);
	observe(transfer, index, BEFORE_SEND);
}

/*
 * No reply port: the receiver answers through its pipe. The inbox holds
 * OOL_MAX_MESSAGES easily (the default queue limit is 5), so the send does
 * not wait; its timeout is a backstop only.
 */
static void send_buffer(struct transfer *transfer, size_t index)
{
	const struct ool_transfer_options *options = transfer->options;
	struct ool_data_message message;
	kern_return_t result;
	struct call_error error;

	memset(&message, 0, sizeof(message));
	message.header.msgh_bits = MACH_MSGH_BITS_SET(
		MACH_MSG_TYPE_COPY_SEND, 0, 0, MACH_MSGH_BITS_COMPLEX);
	message.header.msgh_size = (mach_msg_size_t)sizeof(message);
	message.header.msgh_remote_port = transfer->link.inbox;
	message.header.msgh_local_port = MACH_PORT_NULL;
	message.header.msgh_voucher_port = MACH_PORT_NULL;
	message.header.msgh_id = (mach_msg_id_t)(OOL_DATA_ID + index + 1);
	message.body.msgh_descriptor_count = 1;
	message.data.address = (void *)transfer->sent[index].buffer;
	message.data.size = (mach_msg_size_t)options->bytes;
	message.data.deallocate = options->dealloc;
	message.data.copy = options->copy == OOL_COPY_PHYSICAL
				    ? MACH_MSG_PHYSICAL_COPY
				    : MACH_MSG_VIRTUAL_COPY;
	message.data.type = MACH_MSG_OOL_DESCRIPTOR;

	result = mach_msg(&message.header, MACH_SEND_MSG | MACH_SEND_TIMEOUT,
			  (mach_msg_size_t)sizeof(message), 0, MACH_PORT_NULL,
			  OOL_MACH_TIMEOUT_MS, MACH_PORT_NULL);
	if (result != MACH_MSG_SUCCESS) {
		record_kern_error(&error, "mach_msg send", result);
		ool_link_fail(&transfer->link, &error);
	}
	if (!options->dealloc)
		observe(transfer, index, QUEUED);
}

static void ask_receiver(struct transfer *transfer,
			 enum ool_command_kind kind, void *report,
			 size_t report_size)
{
	struct ool_command command;

	memset(&command, 0, sizeof(command));
	command.kind = kind;
	command.messages = transfer->options->messages;
	command.fill = transfer->options->receiver_fill;
	ool_link_command(&transfer->link, &command);
	ool_link_read_report(&transfer->link, report, report_size);
}

static void observe_all(struct transfer *transfer, enum sender_step step)
{
	if (transfer->options->dealloc)
		return;
	for (size_t i = 0; i < transfer->options->messages; i++)
		observe(transfer, i, step);
}

/*
 * Every buffer is looked at after the receiver's write before any is
 * written again, so one write's faults never show in another's step.
 */
static void write_first_pages(struct transfer *transfer)
{
	if (transfer->options->dealloc)
		return;
	for (size_t i = 0; i < transfer->options->messages; i++) {
		ool_fill_buffer(transfer->sent[i].buffer,
				transfer->options->bytes, OOL_FILL_FIRST,
				OOL_SENDER_SECOND_FILL);
		observe(transfer, i, AFTER_SENDER_WRITE);
	}
}

static void emit_options(const struct ool_transfer_options *options)
{
	json_key_string("copy", ool_copy_name(options->copy));
	json_key_bool("dealloc", options->dealloc);
	json_key_uint("bytes", options->bytes);
	json_key_string("fill", ool_fill_name(options->fill));
	json_key_string("receiver_fill", ool_fill_name(options->receiver_fill));
	json_key_uint("messages", options->messages);
}

static void emit_sender(const struct transfer *transfer)
{
	json_key("sender");
	json_begin_array();
	for (size_t i = 0; i < transfer->options->messages; i++) {
		const struct sent_message *sent = &transfer->sent[i];

		json_begin_object();
		json_key_uint("message", i + 1);
		json_key_uint("buffer", sent->buffer);
		json_key("steps");
		json_begin_array();
		for (size_t step = 0; step < sender_step_count(transfer); step++)
			ool_observation_emit(sender_step_names[step],
					     &sent->steps[step]);
		json_end_array();
		json_end_object();
	}
	json_end_array();
}

static void emit_descriptor(const struct ool_received *received)
{
	json_begin_object();
	json_key_uint("address", received->address);
	json_key_uint("size", received->size);
	json_key_uint("raw_copy", received->copy);
	json_key_bool("deallocate", received->deallocate);
	json_end_object();
}

static void emit_receiver(const struct transfer *transfer)
{
	json_key("receiver");
	json_begin_object();
	json_key_uint("footprint_before_receive",
		      transfer->received.footprint_before_receive);
	json_key("messages");
	json_begin_array();
	for (size_t i = 0; i < transfer->options->messages; i++) {
		const struct ool_received *received =
			&transfer->received.messages[i];

		json_begin_object();
		json_key_uint("message", i + 1);
		json_key("descriptor");
		emit_descriptor(received);
		json_key("steps");
		json_begin_array();
		ool_observation_emit("received", &received->received);
		ool_observation_emit("after-write",
				     &transfer->written.after_write[i]);
		json_end_array();
		json_end_object();
	}
	json_end_array();
	json_end_object();
}

static void emit(const struct transfer *transfer)
{
	json_begin_object();
	json_key_string("scenario", "ool-transfer");
	json_key_string("kernel", "xnu");
	json_key_uint("page_size", vm_page_size);
	emit_options(transfer->options);
	emit_sender(transfer);
	emit_receiver(transfer);
	json_end_object();
	json_finish();
}

int ool_transfer_run(const char *command,
		     const struct ool_transfer_options *options)
{
	struct transfer transfer;
	size_t messages = options->messages;

	(void)command;
	memset(&transfer, 0, sizeof(transfer));
	transfer.options = options;

	ool_link_start(&transfer.link);
	for (size_t i = 0; i < messages; i++)
		prepare_buffer(&transfer, i);
	for (size_t i = 0; i < messages; i++)
		send_buffer(&transfer, i);

	ask_receiver(&transfer, OOL_COMMAND_RECEIVE, &transfer.received,
		     sizeof(transfer.received));
	observe_all(&transfer, AFTER_RECEIVE);

	ask_receiver(&transfer, OOL_COMMAND_WRITE, &transfer.written,
		     sizeof(transfer.written));
	observe_all(&transfer, AFTER_RECEIVER_WRITE);
	write_first_pages(&transfer);

	ool_link_stop(&transfer.link);
	emit(&transfer);
	return 0;
}

/*
 * ool-transfer on XNU, the sender (this process):
 *
 *   1. starts the receiver and gets a send right to its inbox
 *   2. per message: allocates --memory, writes
 *      CONTENT_SENDER over --fill                before-send
 *   3. per message: sends it, keeps the result   queued
 *   4. per message, still queued (the receiver
 *      has received nothing yet): writes
 *      CONTENT_SENDER_AGAIN over its first page  after-queued-write
 *   5. receiver receives what was sent, looks    (received)
 *   6. sender looks again                        after-receive
 *   7. per message: sender writes
 *      CONTENT_SENDER_AGAIN over its first page  after-sender-write
 *   8. receiver reads its data over --fill       receiver_reads_original
 *   9. receiver writes CONTENT_RECEIVER over
 *      --receiver-fill and over the data's last
 *      page, which the sender never wrote; looks (after-write)
 *  10. sender looks                              after-receiver-write
 *      then reads its buffers                    sender_never_reads_receiver
 *  11. receiver ends; sender releases its buffers, prints everything
 *
 * Step 4 is the time-of-check-to-time-of-use window: the message is in
 * the receiver's queue, and what the receiver later reads must be the
 * bytes as they were at the send. Step 9's last page is one the sender
 * left untouched, so only a copy-on-write mark on the receiver's side
 * (needs_copy) keeps its write out of the sender's memory.
 *
 * A refused send is an observation, not a failure: its result is kept,
 * the message has no step after before-send, the receiver is not asked
 * for it, and the run still ends with the JSON and exit 0. With
 * --dealloc yes the kernel takes each sent buffer away, so before-send is
 * the sender's only step: it writes nothing after the send, and there is
 * nothing left to look at or read.
 */
#include <string.h>
#include <mach/mach.h>
#include <mach/vm_page_size.h>

#include "content.h"
#include "json.h"
#include "ool_transfer.h"
#include "xnu_fail.h"
#include "xnu_layouts.h"
#include "xnu_msg_return.h"
#include "xnu_ool.h"
#include "xnu_ool_layouts.h"
#include "xnu_ool_link.h"
#include "xnu_ool_memory.h"

enum sender_step {
	BEFORE_SEND,
	QUEUED,
	AFTER_QUEUED_WRITE,
	AFTER_RECEIVE,
	AFTER_SENDER_WRITE,
	AFTER_RECEIVER_WRITE,
	SENDER_STEP_COUNT
};

static const char *const sender_step_names[SENDER_STEP_COUNT] = {
	[BEFORE_SEND] = "before-send",
	[QUEUED] = "queued",
	[AFTER_QUEUED_WRITE] = "after-queued-write",
	[AFTER_RECEIVE] = "after-receive",
	[AFTER_SENDER_WRITE] = "after-sender-write",
	[AFTER_RECEIVER_WRITE] = "after-receiver-write",
};

struct sent_message {
	vm_address_t buffer;	/* where the data starts */
	bool has_purgeable_state;
	int purgeable_state;	/* raw, for --memory purgeable */
	mach_msg_return_t send_result;
	bool sent;		/* the send succeeded */
	struct ool_observation steps[SENDER_STEP_COUNT];
};

struct transfer {
	const struct ool_transfer_options *options;
	struct ool_link link;
	struct sent_message sent[OOL_MAX_MESSAGES];
	unsigned int sent_count;
	struct ool_receive_report received;
	struct ool_check_report checked;
	struct ool_write_report written;
	struct content_check sender_never_reads_receiver;
};

/* After a send with deallocate, the buffer is the receiver's alone. */
static bool sender_keeps(const struct transfer *transfer, size_t index)
{
	return !(transfer->options->dealloc && transfer->sent[index].sent);
}

/* The steps that happened: a refused or deallocated message stops early. */
static size_t sender_step_count(const struct transfer *transfer, size_t index)
{
	if (!transfer->sent[index].sent || transfer->options->dealloc)
		return 1;
	return SENDER_STEP_COUNT;
}

/* Messages whose buffer the sender still looks at after the send. */
static bool observed_after_send(const struct transfer *transfer, size_t index)
{
	return sender_step_count(transfer, index) > 1;
}

static void observe(struct transfer *transfer, size_t index,
		    enum sender_step step)
{
	struct sent_message *sent = &transfer->sent[index];
	struct call_error error;

	if (!ool_observe(sent->buffer, transfer->options->bytes,
			 &sent->steps[step], &error))
		ool_link_fail(&transfer->link, &error);
}

static void record_purgeable_state(struct transfer *transfer, size_t index)
{
	struct sent_message *sent = &transfer->sent[index];
	struct call_error error;

	if (transfer->options->memory != OOL_MEMORY_PURGEABLE)
		return;
	if (!ool_memory_purgeable_state(sent->buffer, &sent->purgeable_state,
					&error))
		ool_link_fail(&transfer->link, &error);
	sent->has_purgeable_state = true;
}

static void prepare_buffer(struct transfer *transfer, size_t index)
{
	const struct ool_transfer_options *options = transfer->options;
	struct sent_message *sent = &transfer->sent[index];
	struct call_error error;

	if (!ool_memory_allocate(options->memory, options->bytes,
				 &sent->buffer, &error))
		ool_link_fail(&transfer->link, &error);
	ool_fill_content(sent->buffer, options->bytes, options->fill,
			 CONTENT_SENDER);
	record_purgeable_state(transfer, index);
	observe(transfer, index, BEFORE_SEND);
}

/*
 * No reply port: the receiver answers through its pipe. The inbox holds
 * OOL_MAX_MESSAGES easily (the default queue limit is 5), so the send does
 * not wait; its timeout is a backstop only.
 *
 * What the send returns is kept whatever it is. One refusal is expected
 * from the source: a MACH_MSG_PHYSICAL_COPY without deallocate of more
 * than msg_ool_size_small is copied at the send into ipc_kernel_copy_map,
 * and a message may claim at most ipc_kmsg_max_vm_space of it (7/8 of the
 * 8 MiB IPC_KERNEL_COPY_MAP_SIZE, so 7 MiB, osfmk/ipc/ipc_init.c), counted
 * in whole pages: 7 MiB passes, 7 MiB + 1 byte does not. Above that the
 * send returns MACH_MSG_VM_KERNEL (0x400), decided from the descriptors
 * before any of the data is copied, and the sender's memory is left as it
 * was (mach_msg hands the code back as is: libsyscall/mach/mach_msg.c
 * retries only interrupted sends):
 *   - xnu-11417.121.6: ipc_kmsg_inflate_ool_descriptor adds
 *     round_page(size) to send_dsc_vm_size, and
 *     ipc_validate_kmsg_schema_from_user (osfmk/ipc/ipc_policy.c, called
 *     from ipc_kmsg_copyin_from_user) returns MACH_MSG_VM_KERNEL when that
 *     exceeds ipc_kmsg_max_vm_space;
 *   - xnu-10002.81.5: the first pass of ipc_kmsg_copyin_body adds
 *     round_page(size) to space_needed and returns MACH_MSG_VM_KERNEL
 *     ("Per message kernel memory limit exceeded") when it exceeds
 *     ipc_kmsg_max_vm_space.
 * ipc_kmsg_copyin_ool_descriptor itself, reached only below the limit,
 * returns MACH_SEND_INVALID_MEMORY if the copy into the kernel map faults
 * and MACH_MSG_VM_KERNEL if vm_map_copyin of it fails, on both tags.
 * The limit is per message: with --messages 2 each is judged alone.
 */
static void send_buffer(struct transfer *transfer, size_t index)
{
	const struct ool_transfer_options *options = transfer->options;
	struct sent_message *sent = &transfer->sent[index];
	struct ool_data_message message;

	memset(&message, 0, sizeof(message));
	message.header.msgh_bits = MACH_MSGH_BITS_SET(
		MACH_MSG_TYPE_COPY_SEND, 0, 0, MACH_MSGH_BITS_COMPLEX);
	message.header.msgh_size = (mach_msg_size_t)sizeof(message);
	message.header.msgh_remote_port = transfer->link.inbox;
	message.header.msgh_local_port = MACH_PORT_NULL;
	message.header.msgh_voucher_port = MACH_PORT_NULL;
	message.header.msgh_id = (mach_msg_id_t)(OOL_DATA_ID + index + 1);
	message.body.msgh_descriptor_count = 1;
	message.data.address = (void *)sent->buffer;
	message.data.size = (mach_msg_size_t)options->bytes;
	message.data.deallocate = options->dealloc;
	message.data.copy = options->copy == OOL_COPY_PHYSICAL
				    ? MACH_MSG_PHYSICAL_COPY
				    : MACH_MSG_VIRTUAL_COPY;
	message.data.type = MACH_MSG_OOL_DESCRIPTOR;

	sent->send_result = mach_msg(&message.header,
				     MACH_SEND_MSG | MACH_SEND_TIMEOUT,
				     (mach_msg_size_t)sizeof(message), 0,
				     MACH_PORT_NULL, OOL_MACH_TIMEOUT_MS,
				     MACH_PORT_NULL);
	sent->sent = sent->send_result == MACH_MSG_SUCCESS;
	if (!sent->sent)
		return;
	transfer->sent_count++;
	if (observed_after_send(transfer, index))
		observe(transfer, index, QUEUED);
}

static void ask_receiver(struct transfer *transfer,
			 const struct ool_command *command, void *report,
			 size_t report_size)
{
	ool_link_command(&transfer->link, command);
	ool_link_read_report(&transfer->link, report, report_size);
}

/* Only what was sent: the receiver waits for exactly these messages. */
static void ask_to_receive(struct transfer *transfer)
{
	struct ool_command command;

	memset(&command, 0, sizeof(command));
	command.kind = OOL_COMMAND_RECEIVE;
	for (uint32_t i = 0; i < transfer->options->messages; i++)
		if (transfer->sent[i].sent)
			command.numbers[command.count++] = i + 1;
	ask_receiver(transfer, &command, &transfer->received,
		     sizeof(transfer->received));
}

/* CHECK and WRITE differ only in their kind, the fill they name and the report they return. */
static void ask_with_fill(struct transfer *transfer, enum ool_command_kind kind,
			  enum ool_fill fill, void *report, size_t report_size)
{
	struct ool_command command;

	memset(&command, 0, sizeof(command));
	command.kind = kind;
	command.fill = fill;
	ask_receiver(transfer, &command, report, report_size);
}

static void ask_to_check(struct transfer *transfer)
{
	ask_with_fill(transfer, OOL_COMMAND_CHECK, transfer->options->fill,
		      &transfer->checked, sizeof(transfer->checked));
}

static void ask_to_write(struct transfer *transfer)
{
	ask_with_fill(transfer, OOL_COMMAND_WRITE,
		      transfer->options->receiver_fill, &transfer->written,
		      sizeof(transfer->written));
}

static void observe_all(struct transfer *transfer, enum sender_step step)
{
	for (size_t i = 0; i < transfer->options->messages; i++)
		if (observed_after_send(transfer, i))
			observe(transfer, i, step);
}

/* Each buffer is looked at right after its own write, as step. */
static void write_first_pages(struct transfer *transfer,
			      enum sender_step step)
{
	for (size_t i = 0; i < transfer->options->messages; i++) {
		if (!observed_after_send(transfer, i))
			continue;
		ool_fill_content(transfer->sent[i].buffer,
				 transfer->options->bytes, OOL_FILL_FIRST,
				 CONTENT_SENDER_AGAIN);
		observe(transfer, i, step);
	}
}

/*
 * The sender's first page holds its later writes, the rest of its fill
 * its first: whatever the receiver wrote must never show here. Beyond the
 * fill, vm_allocate'd memory was never written and must still read zeros,
 * the last page included, which the receiver wrote (a malloc'ed block's
 * other bytes are the allocator's: not checked).
 * Read after the last observation, since a read may fault pages in.
 */
static void check_sender_content(struct transfer *transfer)
{
	const struct ool_transfer_options *options = transfer->options;
	struct content_check *check = &transfer->sender_never_reads_receiver;
	uint64_t first = ool_fill_length(OOL_FILL_FIRST, options->bytes,
					 vm_page_size);
	uint64_t filled = ool_fill_length(options->fill, options->bytes,
					  vm_page_size);

	memset(check, 0, sizeof(*check));
	for (size_t i = 0; i < options->messages; i++) {
		vm_address_t buffer = transfer->sent[i].buffer;
		const volatile unsigned char *data =
			(const volatile unsigned char *)buffer;

		if (!observed_after_send(transfer, i))
			continue;
		if (!check->checked)
			content_check_begin(check);
		content_check_where(check, (uint32_t)(i + 1));
		content_expect(check, data, 0, first, CONTENT_SENDER_AGAIN);
		content_expect(check, data, first, filled - first,
			       CONTENT_SENDER);
		if (options->memory != OOL_MEMORY_MALLOC)
			content_expect(check, data, filled,
				       options->bytes - filled, CONTENT_ZEROS);
	}
}

static void release_buffers(struct transfer *transfer)
{
	for (size_t i = 0; i < transfer->options->messages; i++)
		if (sender_keeps(transfer, i))
			ool_memory_release(transfer->options->memory,
					   transfer->sent[i].buffer,
					   transfer->options->bytes);
}

static void emit_options(const struct ool_transfer_options *options)
{
	json_key_string("memory", ool_memory_name(options->memory));
	json_key_string("copy", ool_copy_name(options->copy));
	json_key_bool("dealloc", options->dealloc);
	json_key_uint("bytes", options->bytes);
	json_key_string("fill", ool_fill_name(options->fill));
	json_key_string("receiver_fill", ool_fill_name(options->receiver_fill));
	json_key_uint("messages", options->messages);
}

static void emit_send_result(mach_msg_return_t result)
{
	char name[160];

	json_key("send_result");
	json_begin_object();
	json_key_uint("code", (uint32_t)result);
	json_key_string("name", mach_msg_return_name(result, name, sizeof(name))
					? name
					: NULL);
	json_end_object();
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
		json_key_uint("payload_offset_in_page",
			      ool_offset_in_page(sent->buffer));
		json_key("purgeable_state");
		if (sent->has_purgeable_state)
			json_int(sent->purgeable_state);
		else
			json_null();
		emit_send_result(sent->send_result);
		json_key("steps");
		json_begin_array();
		for (size_t step = 0; step < sender_step_count(transfer, i);
		     step++)
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
	json_key_uint("raw_copy", received->raw_copy);
	json_key_bool("deallocate", received->deallocate);
	json_end_object();
}

/*
 * Whether the region the data was found in is exactly the data's pages:
 * if not, the kernel merged the reception with a neighbour (or split it),
 * and the region's facts are not the data's alone.
 */
static bool region_is_data_only(const struct ool_received *received)
{
	uint64_t page = vm_page_size;
	uint64_t start = received->address & ~(page - 1);
	uint64_t end = (received->address + received->size + page - 1) &
		       ~(page - 1);

	return received->received.region.start == start &&
	       received->received.region.end == end;
}

static void emit_received(const struct transfer *transfer, size_t index)
{
	const struct ool_received *received =
		&transfer->received.messages[index];

	json_begin_object();
	json_key_uint("message", index + 1);
	json_key("descriptor");
	emit_descriptor(received);
	json_key_uint("payload_offset_in_page",
		      ool_offset_in_page(received->address));
	json_key_bool("region_is_data_only", region_is_data_only(received));
	json_key("steps");
	json_begin_array();
	ool_observation_emit("received", &received->received);
	ool_observation_emit("after-write",
			     &transfer->written.after_write[index]);
	json_end_array();
	json_end_object();
}

/* With nothing sent, the receiver was never asked: nothing to report. */
static void emit_receiver(const struct transfer *transfer)
{
	json_key("receiver");
	json_begin_object();
	json_key("footprint_before_receive");
	if (transfer->sent_count > 0)
		json_uint(transfer->received.footprint_before_receive);
	else
		json_null();
	json_key("messages");
	json_begin_array();
	for (size_t i = 0; i < transfer->options->messages; i++)
		if (transfer->received.messages[i].present)
			emit_received(transfer, i);
	json_end_array();
	json_end_object();
}

static void emit_content(const struct transfer *transfer)
{
	json_key("content");
	json_begin_object();
	content_check_emit_where("receiver_reads_original",
				 &transfer->checked.reads_original, "message");
	content_check_emit_where("sender_never_reads_receiver",
				 &transfer->sender_never_reads_receiver,
				 "message");
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
	emit_content(transfer);
	json_end_object();
	json_finish();
}

/* Steps 4 to 10: only for what was sent. */
static void follow_the_data(struct transfer *transfer)
{
	write_first_pages(transfer, AFTER_QUEUED_WRITE);
	ask_to_receive(transfer);
	observe_all(transfer, AFTER_RECEIVE);
	write_first_pages(transfer, AFTER_SENDER_WRITE);
	ask_to_check(transfer);
	ask_to_write(transfer);
	observe_all(transfer, AFTER_RECEIVER_WRITE);
	check_sender_content(transfer);
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
	if (transfer.sent_count > 0)
		follow_the_data(&transfer);

	ool_link_stop(&transfer.link);
	release_buffers(&transfer);
	emit(&transfer);
	return 0;
}

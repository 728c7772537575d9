/*
 * ool-transfer's receiver: a process of its own, started by the sender
 * (xnu_ool_link.c) as `oolprobe ool-receiver`, so the OOL memory really
 * crosses from one task's map into another's.
 *
 *   1. takes the sender's handoff port from its TASK_BOOTSTRAP_PORT, makes
 *      its inbox, sends hello (a send right to inbox) to handoff, writes
 *      its ready record
 *   2. RECEIVE: records its footprint, then per message the sender says
 *      it sent: receives it, checks its shape, looks at the memory
 *      (before receiving the next one, so a second reception that merges
 *      with the first shows in both); never reads the data
 *   3. CHECK: reads every received buffer over the sender's fill: it must
 *      still hold CONTENT_SENDER, whatever the sender wrote since
 *   4. WRITE: writes CONTENT_RECEIVER over the fill the sender names and
 *      over the data's last page, into every received buffer, looks again
 *   5. exits 0 at the end of the command pipe
 *
 * It never writes stdout (the sender gave it /dev/null there). Its errors
 * go to the sender as an error record, and it exits 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <mach/vm_page_size.h>

#include "content.h"
#include "fail.h"
#include "ool_transfer.h"
#include "pipe_io.h"
#include "xnu_fail.h"
#include "xnu_footprint.h"
#include "xnu_layouts.h"
#include "xnu_ool.h"
#include "xnu_ool_layouts.h"

struct receiver {
	mach_port_t inbox;
	bool asked_to_receive;
	uint32_t received;	/* messages received so far */
	struct ool_receive_report receive;
	struct ool_check_report check;
	struct ool_write_report write;
};

static bool take_handoff_port(mach_port_t *handoff, struct call_error *error)
{
	static const char call[] = "task_get_special_port TASK_BOOTSTRAP_PORT";
	kern_return_t result;

	result = task_get_special_port(mach_task_self(), TASK_BOOTSTRAP_PORT,
				       handoff);
	if (result != KERN_SUCCESS)
		return record_kern_error(error, call, result);
	if (!MACH_PORT_VALID(*handoff))
		return record_call_error(error, call, "no port");
	return true;
}

static bool make_inbox(mach_port_t *inbox, struct call_error *error)
{
	kern_return_t result;

	result = mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE,
				    inbox);
	if (result != KERN_SUCCESS)
		return record_kern_error(error, "mach_port_allocate", result);
	return true;
}

/*
 * COPY_SEND keeps the handoff right to be released below, whatever
 * mach_msg did; MAKE_SEND mints the inbox right that travels.
 */
static bool send_hello(mach_port_t handoff, mach_port_t inbox,
		       struct call_error *error)
{
	struct ool_hello_message hello;
	kern_return_t result;

	memset(&hello, 0, sizeof(hello));
	hello.header.msgh_bits = MACH_MSGH_BITS_SET(
		MACH_MSG_TYPE_COPY_SEND, 0, 0, MACH_MSGH_BITS_COMPLEX);
	hello.header.msgh_size = (mach_msg_size_t)sizeof(hello);
	hello.header.msgh_remote_port = handoff;
	hello.header.msgh_local_port = MACH_PORT_NULL;
	hello.header.msgh_voucher_port = MACH_PORT_NULL;
	hello.header.msgh_id = OOL_HELLO_ID;
	hello.body.msgh_descriptor_count = 1;
	hello.inbox.name = inbox;
	hello.inbox.disposition = MACH_MSG_TYPE_MAKE_SEND;
	hello.inbox.type = MACH_MSG_PORT_DESCRIPTOR;

	result = mach_msg(&hello.header, MACH_SEND_MSG | MACH_SEND_TIMEOUT,
			  (mach_msg_size_t)sizeof(hello), 0, MACH_PORT_NULL,
			  OOL_MACH_TIMEOUT_MS, MACH_PORT_NULL);
	if (result != MACH_MSG_SUCCESS)
		return record_kern_error(error, "mach_msg send hello", result);
	return true;
}

/*
 * libSystem took its own reference to the bootstrap port at startup; only
 * the one task_get_special_port added is released.
 */
static bool say_hello(struct receiver *receiver, struct call_error *error)
{
	mach_port_t handoff = MACH_PORT_NULL;
	kern_return_t result;

	if (!take_handoff_port(&handoff, error) ||
	    !make_inbox(&receiver->inbox, error) ||
	    !send_hello(handoff, receiver->inbox, error))
		return false;
	result = mach_port_deallocate(mach_task_self(), handoff);
	if (result != KERN_SUCCESS)
		return record_kern_error(error, "mach_port_deallocate handoff",
					 result);
	return true;
}

/* What was wrong with data message number, if anything. */
static bool data_is_valid(const struct ool_data_message *message,
			  uint32_t number, char *why, size_t why_size)
{
	return ool_message_has_shape(&message->header, &message->body,
				     message->data.type, OOL_DATA_ID + number,
				     sizeof(*message), MACH_MSG_OOL_DESCRIPTOR,
				     why, why_size);
}

static void keep_descriptor(const mach_msg_ool_descriptor_t *data,
			    struct ool_received *out)
{
	out->present = true;
	out->address = (uint64_t)(uintptr_t)data->address;
	out->size = data->size;
	out->raw_copy = (uint32_t)data->copy;
	out->deallocate = data->deallocate != 0;
}

/*
 * Receives message number (1-based) into the task. The memory stays
 * mapped for the CHECK and WRITE steps; a message that is not what the
 * sender sends is destroyed, which also deallocates any memory it brought.
 */
static bool receive_one(struct receiver *receiver, uint32_t number,
			struct call_error *error)
{
	static const char call[] = "mach_msg receive";
	struct ool_received *out = &receiver->receive.messages[number - 1];
	struct ool_data_buffer buffer;
	char why[128];
	char text[192];
	kern_return_t result;

	memset(&buffer, 0, sizeof(buffer));
	result = mach_msg(&buffer.message.header,
			  MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0,
			  (mach_msg_size_t)sizeof(buffer), receiver->inbox,
			  OOL_MACH_TIMEOUT_MS, MACH_PORT_NULL);
	if (result == MACH_RCV_TIMED_OUT) {
		snprintf(text, sizeof(text),
			 "message %u did not arrive within the timeout",
			 (unsigned int)number);
		return record_call_error(error, call, text);
	}
	if (result != MACH_MSG_SUCCESS)
		return record_kern_error(error, call, result);
	if (!data_is_valid(&buffer.message, number, why, sizeof(why))) {
		mach_msg_destroy(&buffer.message.header);
		snprintf(text, sizeof(text), "message %u: %s",
			 (unsigned int)number, why);
		return record_call_error(error, call, text);
	}
	keep_descriptor(&buffer.message.data, out);
	receiver->received++;
	return ool_observe((vm_address_t)out->address, out->size,
			   &out->received, error);
}

/* 1..OOL_MAX_MESSAGES numbers, each in range and larger than the last. */
static bool numbers_are_valid(const struct ool_command *command)
{
	if (command->count < 1 || command->count > OOL_MAX_MESSAGES)
		return false;
	for (uint32_t i = 0; i < command->count; i++) {
		uint32_t number = command->numbers[i];

		if (number < 1 || number > OOL_MAX_MESSAGES ||
		    (i > 0 && number <= command->numbers[i - 1]))
			return false;
	}
	return true;
}

static bool receive_all(struct receiver *receiver,
			const struct ool_command *command,
			struct call_error *error)
{
	if (!xnu_phys_footprint(mach_task_self(),
				&receiver->receive.footprint_before_receive,
				error))
		return false;
	for (uint32_t i = 0; i < command->count; i++)
		if (!receive_one(receiver, command->numbers[i], error))
			return false;
	return true;
}

/*
 * Reads only, after the received step's observation: over the sender's
 * fill, the data must read as the sender wrote it before the send,
 * whatever the sender has written since.
 */
static void check_all(struct receiver *receiver, enum ool_fill sender_fill)
{
	struct content_check *check = &receiver->check.reads_original;

	content_check_begin(check);
	for (uint32_t i = 0; i < OOL_MAX_MESSAGES; i++) {
		const struct ool_received *message =
			&receiver->receive.messages[i];

		if (!message->present)
			continue;
		content_check_where(check, i + 1);
		content_expect(check,
			       (const volatile unsigned char *)(uintptr_t)
				       message->address,
			       0,
			       ool_fill_length(sender_fill, message->size,
					       vm_page_size),
			       CONTENT_SENDER);
	}
}

/*
 * The sender rewrites only its first page: the data's last page is one it
 * never wrote after the send. Where a copy is shared, only this task's
 * copy-on-write mark keeps a write there out of the sender's memory, so
 * the write goes there too when the fill stops short of it (the pattern
 * restarts at the page: the sender expects zeros, not this pattern).
 */
static void write_last_page(const struct ool_received *message,
			    enum ool_fill fill)
{
	uint64_t page = vm_page_size;
	uint64_t end = message->address + message->size;
	uint64_t last = (end - 1) & ~(page - 1);
	uint64_t written = message->address +
			   ool_fill_length(fill, message->size, vm_page_size);

	if (last < written)
		last = written;
	if (last < end)
		content_fill((volatile unsigned char *)(uintptr_t)last,
			     end - last, CONTENT_RECEIVER);
}

static bool write_all(struct receiver *receiver, enum ool_fill fill,
		      struct call_error *error)
{
	for (uint32_t i = 0; i < OOL_MAX_MESSAGES; i++) {
		const struct ool_received *message =
			&receiver->receive.messages[i];

		if (!message->present)
			continue;
		ool_fill_content((vm_address_t)message->address, message->size,
				 fill, CONTENT_RECEIVER);
		write_last_page(message, fill);
		if (!ool_observe((vm_address_t)message->address, message->size,
				 &receiver->write.after_write[i], error))
			return false;
	}
	return true;
}

/*
 * The sender sends RECEIVE once, then CHECK and WRITE once each;
 * anything else is a bug.
 */
static bool perform(struct receiver *receiver,
		    const struct ool_command *command,
		    struct call_error *error)
{
	static const char call[] = "command from sender";

	switch (command->kind) {
	case OOL_COMMAND_RECEIVE:
		if (receiver->asked_to_receive || !numbers_are_valid(command))
			return record_call_error(error, call,
						 "unexpected RECEIVE");
		receiver->asked_to_receive = true;
		return receive_all(receiver, command, error);
	case OOL_COMMAND_CHECK:
		if (receiver->received == 0 || command->fill > OOL_FILL_ALL)
			return record_call_error(error, call,
						 "unexpected CHECK");
		check_all(receiver, (enum ool_fill)command->fill);
		return true;
	case OOL_COMMAND_WRITE:
		if (receiver->received == 0 || command->fill > OOL_FILL_ALL)
			return record_call_error(error, call,
						 "unexpected WRITE");
		return write_all(receiver, (enum ool_fill)command->fill,
				 error);
	default:
		return record_call_error(error, call, "unknown command");
	}
}

static bool report(const void *record, size_t size)
{
	return write_full(OOL_RECEIVER_REPORT_FD, record, size) == 0;
}

static int report_failure(const struct call_error *error)
{
	struct ool_status status;

	memset(&status, 0, sizeof(status));
	status.failed = true;
	status.error = *error;
	report(&status, sizeof(status));
	return EXIT_CALL_FAILED;
}

/* A status saying the step worked; alone, it is the ready record. */
static bool report_ok(void)
{
	struct ool_status status;

	memset(&status, 0, sizeof(status));
	return report(&status, sizeof(status));
}

static bool report_success(const struct receiver *receiver,
			   const struct ool_command *command)
{
	if (!report_ok())
		return false;
	switch (command->kind) {
	case OOL_COMMAND_RECEIVE:
		return report(&receiver->receive, sizeof(receiver->receive));
	case OOL_COMMAND_CHECK:
		return report(&receiver->check, sizeof(receiver->check));
	default:
		return report(&receiver->write, sizeof(receiver->write));
	}
}

int ool_receiver_run(const char *command)
{
	struct receiver receiver;
	struct call_error error;

	(void)command;
	memset(&receiver, 0, sizeof(receiver));
	if (!say_hello(&receiver, &error))
		return report_failure(&error);
	if (!report_ok())
		return EXIT_CALL_FAILED;

	for (;;) {
		struct ool_command next;
		ssize_t got = read_full(OOL_RECEIVER_COMMAND_FD, &next,
					sizeof(next));

		if (got == 0)
			return 0;	/* the sender is done, or gone */
		if (got < 0) {
			record_errno(&error, "read from sender", errno);
			return report_failure(&error);
		}
		if ((size_t)got != sizeof(next))
			return EXIT_CALL_FAILED;	/* the sender died mid-write */
		if (!perform(&receiver, &next, &error))
			return report_failure(&error);
		if (!report_success(&receiver, &next))
			return EXIT_CALL_FAILED;
	}
}

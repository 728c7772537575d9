/*
 * Starting ool-transfer's receiver without a global name:
 *
 *   1. sender: a receive right `handoff`, plus a send right under its name
 *   2. sender: posix_spawn of this executable as `oolprobe ool-receiver`,
 *      with handoff as the child's TASK_BOOTSTRAP_PORT (the kernel copies
 *      the send right into the child) and the two pipes at fixed fds
 *   3. sender: drops its own send right to handoff
 *   4. receiver: sends hello to handoff with a send right to its inbox,
 *      then writes its ready record
 *   5. sender: reads ready (end of file here means the receiver died, so
 *      the sender never waits in mach_msg for a dead peer), receives
 *      hello, keeps the inbox right, destroys handoff
 */
#include "xnu_ool_link.h"

#include <crt_externs.h>
#include <errno.h>
#include <fcntl.h>
#include <mach-o/dyld.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child_status.h"
#include "pipe_io.h"
#include "xnu_fail.h"
#include "xnu_layouts.h"
#include "xnu_ool_layouts.h"

/* Pipe ends above this can never be clobbered by the child's dup2s. */
#define LOWEST_PIPE_FD (OOL_RECEIVER_REPORT_FD + 1)

/* The receiver exits on end of file of its commands; wait until it has. */
static int end_receiver(struct ool_link *link)
{
	close(link->command_fd);
	link->command_fd = -1;
	return reap_child(link->receiver);
}

_Noreturn void ool_link_fail(struct ool_link *link,
			     const struct call_error *error)
{
	end_receiver(link);
	fail_recorded(error);
}

static _Noreturn void fail_link_call(struct ool_link *link, const char *call,
				     const char *text)
{
	struct call_error error;

	record_call_error(&error, call, text);
	ool_link_fail(link, &error);
}

static _Noreturn void fail_link_kern(struct ool_link *link, const char *call,
				     kern_return_t result)
{
	struct call_error error;

	record_kern_error(&error, call, result);
	ool_link_fail(link, &error);
}

/* posix_spawn and its helpers return the error number instead of -1. */
static void check_spawn_call(int result, const char *call)
{
	if (result != 0)
		fail_call(call, strerror(result));
}

/* The path may be longer than any fixed buffer; ask for the size first. */
static char *executable_path(void)
{
	uint32_t size = 1024;
	char *path = NULL;

	for (int attempt = 0; attempt < 2; attempt++) {
		free(path);
		path = malloc(size);
		if (path == NULL)
			fail_errno("malloc");
		if (_NSGetExecutablePath(path, &size) == 0)
			return path;
	}
	fail_call("_NSGetExecutablePath", "the path does not fit its size");
}

/*
 * Close-on-exec, and above the fds the child's dup2s write to, so a dup2
 * never overwrites a pipe end that a later dup2 still reads from (and a
 * closed stdin cannot leave a pipe end at fd 0, where /dev/null goes).
 */
static int lift_fd(int fd)
{
	int lifted = fcntl(fd, F_DUPFD_CLOEXEC, LOWEST_PIPE_FD);

	if (lifted < 0)
		fail_errno("fcntl F_DUPFD_CLOEXEC");
	close(fd);
	return lifted;
}

static void make_pipe(int ends[2])
{
	if (pipe(ends) != 0)
		fail_errno("pipe");
	ends[0] = lift_fd(ends[0]);
	ends[1] = lift_fd(ends[1]);
}

/* A receive right, and a send right under the same name to give away. */
static mach_port_t make_handoff_port(void)
{
	mach_port_t handoff = MACH_PORT_NULL;
	kern_return_t result;

	result = mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE,
				    &handoff);
	if (result != KERN_SUCCESS)
		fail_kern("mach_port_allocate", result);
	result = mach_port_insert_right(mach_task_self(), handoff, handoff,
					MACH_MSG_TYPE_MAKE_SEND);
	if (result != KERN_SUCCESS)
		fail_kern("mach_port_insert_right", result);
	return handoff;
}

/*
 * The child gets the pipes at fixed fds, /dev/null as stdin and stdout
 * (only the sender writes stdout), this process's stderr, and nothing else:
 * POSIX_SPAWN_CLOEXEC_DEFAULT closes every fd no file action names.
 */
static void set_receiver_fds(posix_spawn_file_actions_t *actions,
			     int command_read, int report_write)
{
	check_spawn_call(posix_spawn_file_actions_init(actions),
			 "posix_spawn_file_actions_init");
	check_spawn_call(posix_spawn_file_actions_adddup2(
				 actions, command_read, OOL_RECEIVER_COMMAND_FD),
			 "posix_spawn_file_actions_adddup2");
	check_spawn_call(posix_spawn_file_actions_adddup2(
				 actions, report_write, OOL_RECEIVER_REPORT_FD),
			 "posix_spawn_file_actions_adddup2");
	check_spawn_call(posix_spawn_file_actions_addopen(
				 actions, STDIN_FILENO, "/dev/null", O_RDONLY,
				 0),
			 "posix_spawn_file_actions_addopen");
	check_spawn_call(posix_spawn_file_actions_addopen(
				 actions, STDOUT_FILENO, "/dev/null", O_WRONLY,
				 0),
			 "posix_spawn_file_actions_addopen");
	check_spawn_call(posix_spawn_file_actions_addinherit_np(actions,
								STDERR_FILENO),
			 "posix_spawn_file_actions_addinherit_np");
}

static void set_receiver_attributes(posix_spawnattr_t *attributes,
				    mach_port_t handoff)
{
	check_spawn_call(posix_spawnattr_init(attributes),
			 "posix_spawnattr_init");
	check_spawn_call(posix_spawnattr_setflags(
				 attributes, (short)POSIX_SPAWN_CLOEXEC_DEFAULT),
			 "posix_spawnattr_setflags");
	check_spawn_call(posix_spawnattr_setspecialport_np(
				 attributes, handoff, TASK_BOOTSTRAP_PORT),
			 "posix_spawnattr_setspecialport_np");
}

static pid_t spawn_receiver(mach_port_t handoff, int command_read,
			    int report_write)
{
	posix_spawn_file_actions_t actions;
	posix_spawnattr_t attributes;
	char subcommand[] = OOL_RECEIVER_SUBCOMMAND;
	char *path = executable_path();
	char *argv[] = { path, subcommand, NULL };
	pid_t receiver;

	set_receiver_fds(&actions, command_read, report_write);
	set_receiver_attributes(&attributes, handoff);
	check_spawn_call(posix_spawn(&receiver, path, &actions, &attributes,
				     argv, *_NSGetEnviron()),
			 "posix_spawn");
	posix_spawn_file_actions_destroy(&actions);
	posix_spawnattr_destroy(&attributes);
	free(path);
	return receiver;
}

static bool hello_is_valid(const struct ool_hello_message *hello, char *why,
			   size_t why_size)
{
	if (!ool_message_has_shape(&hello->header, &hello->body,
				   hello->inbox.type, OOL_HELLO_ID,
				   sizeof(*hello), MACH_MSG_PORT_DESCRIPTOR, why,
				   why_size))
		return false;
	if (hello->inbox.disposition == MACH_MSG_TYPE_PORT_SEND &&
	    MACH_PORT_VALID(hello->inbox.name))
		return true;
	snprintf(why, why_size, "no send right (disposition %u)",
		 (unsigned int)hello->inbox.disposition);
	return false;
}

/*
 * The receiver sent hello before its ready record, so hello is already
 * queued: the timeout only guards against a receiver that lied.
 */
static mach_port_t receive_hello(struct ool_link *link, mach_port_t handoff)
{
	struct ool_hello_buffer buffer;
	char why[128];
	char text[160];
	kern_return_t result;

	memset(&buffer, 0, sizeof(buffer));
	result = mach_msg(&buffer.message.header,
			  MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0,
			  (mach_msg_size_t)sizeof(buffer), handoff,
			  OOL_MACH_TIMEOUT_MS, MACH_PORT_NULL);
	if (result == MACH_RCV_TIMED_OUT)
		fail_link_call(link, "mach_msg receive hello",
			       "no hello within the timeout although the "
			       "receiver reported ready");
	if (result != MACH_MSG_SUCCESS)
		fail_link_kern(link, "mach_msg receive hello", result);
	if (!hello_is_valid(&buffer.message, why, sizeof(why))) {
		/* Releases whatever rights or memory the message brought. */
		mach_msg_destroy(&buffer.message.header);
		snprintf(text, sizeof(text), "unexpected message: %s", why);
		fail_link_call(link, "mach_msg receive hello", text);
	}
	return buffer.message.inbox.name;
}

/* Once hello is in, nobody needs handoff: only the receive right is left. */
static void destroy_handoff_port(struct ool_link *link, mach_port_t handoff)
{
	kern_return_t result;

	result = mach_port_mod_refs(mach_task_self(), handoff,
				    MACH_PORT_RIGHT_RECEIVE, -1);
	if (result != KERN_SUCCESS)
		fail_link_kern(link, "mach_port_mod_refs handoff", result);
}

void ool_link_start(struct ool_link *link)
{
	mach_port_t handoff = make_handoff_port();
	int command_pipe[2];
	int report_pipe[2];
	kern_return_t result;

	make_pipe(command_pipe);
	make_pipe(report_pipe);
	link->receiver =
		spawn_receiver(handoff, command_pipe[0], report_pipe[1]);
	/* Without closing these, the ends would never see end of file. */
	close(command_pipe[0]);
	close(report_pipe[1]);
	link->command_fd = command_pipe[1];
	link->report_fd = report_pipe[0];
	link->inbox = MACH_PORT_NULL;

	/* The child holds its own copy now; ours would keep handoff alive. */
	result = mach_port_deallocate(mach_task_self(), handoff);
	if (result != KERN_SUCCESS)
		fail_link_kern(link, "mach_port_deallocate handoff", result);

	ool_link_read_report(link, NULL, 0);
	link->inbox = receive_hello(link, handoff);
	destroy_handoff_port(link, handoff);
}

void ool_link_command(struct ool_link *link, const struct ool_command *command)
{
	struct call_error error;

	if (write_full(link->command_fd, command, sizeof(*command)) != 0) {
		record_errno(&error, "write to receiver", errno);
		ool_link_fail(link, &error);
	}
}

static _Noreturn void fail_receiver_ended_early(struct ool_link *link)
{
	char how[96];
	char text[128];

	describe_wait_status(end_receiver(link), how, sizeof(how));
	snprintf(text, sizeof(text), "%s before reporting", how);
	fail_call("receiver", text);
}

static void read_record(struct ool_link *link, void *record, size_t size)
{
	ssize_t got = read_full(link->report_fd, record, size);
	struct call_error error;

	if (got < 0) {
		record_errno(&error, "read from receiver", errno);
		ool_link_fail(link, &error);
	}
	if ((size_t)got != size)
		fail_receiver_ended_early(link);
}

void ool_link_read_report(struct ool_link *link, void *report, size_t size)
{
	struct ool_status status;
	char call[sizeof(status.error.call) + 16];

	read_record(link, &status, sizeof(status));
	if (status.failed) {
		/* It exits right after its error record; reap it first. */
		end_receiver(link);
		status.error.call[sizeof(status.error.call) - 1] = '\0';
		status.error.text[sizeof(status.error.text) - 1] = '\0';
		snprintf(call, sizeof(call), "receiver: %s", status.error.call);
		fail_call(call, status.error.text);
	}
	if (size > 0)
		read_record(link, report, size);
}

void ool_link_stop(struct ool_link *link)
{
	kern_return_t result;
	char how[96];
	int status;

	result = mach_port_deallocate(mach_task_self(), link->inbox);
	if (result != KERN_SUCCESS)
		fail_link_kern(link, "mach_port_deallocate inbox", result);
	link->inbox = MACH_PORT_NULL;

	status = end_receiver(link);
	close(link->report_fd);
	link->report_fd = -1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return;
	describe_wait_status(status, how, sizeof(how));
	fail_call("receiver", how);
}

#include "fork_link.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child_status.h"
#include "pipe_io.h"

/* What comes before every record from the child. */
struct record_header {
	bool failed;
	struct call_error error;	/* when failed; no record follows */
};

bool fork_link_start(struct fork_link *link)
{
	int report_pipe[2];
	int go_pipe[2];

	link->parent = getpid();
	if (pipe(report_pipe) != 0)
		fail_errno("pipe");
	if (pipe(go_pipe) != 0)
		fail_errno("pipe");

	link->child = fork();
	if (link->child < 0)
		fail_errno("fork");
	if (link->child == 0) {
		/*
		 * Without closing its copy of the write end, the child would
		 * never see the go pipe's end of file.
		 */
		close(report_pipe[0]);
		close(go_pipe[1]);
		link->go_fd = go_pipe[0];
		link->report_fd = report_pipe[1];
		return true;
	}
	close(report_pipe[1]);
	close(go_pipe[0]);
	link->go_fd = go_pipe[1];
	link->report_fd = report_pipe[0];
	return false;
}

void fork_link_send(const struct fork_link *link, const void *record,
		    size_t size)
{
	struct record_header header;

	/* Zeroed, padding included: the bytes cross a pipe. */
	memset(&header, 0, sizeof(header));
	if (write_full(link->report_fd, &header, sizeof(header)) != 0 ||
	    write_full(link->report_fd, record, size) != 0)
		_exit(1);
}

_Noreturn void fork_link_send_failure(const struct fork_link *link,
				      const struct call_error *error)
{
	struct record_header header;

	memset(&header, 0, sizeof(header));
	header.failed = true;
	header.error = *error;
	(void)write_full(link->report_fd, &header, sizeof(header));
	_exit(1);
}

/* A byte, or end of file (false). */
static bool read_go_byte(const struct fork_link *link)
{
	char byte;
	ssize_t got;

	do
		got = read(link->go_fd, &byte, 1);
	while (got < 0 && errno == EINTR);
	return got == 1;
}

void fork_link_wait(const struct fork_link *link)
{
	/* The parent is gone (or failed): nobody is left to report to. */
	if (!read_go_byte(link))
		_exit(1);
}

_Noreturn void fork_link_child_done(const struct fork_link *link)
{
	close(link->report_fd);
	while (read_go_byte(link))
		continue;
	_exit(0);
}

static _Noreturn void fail_child_ended_early(const struct fork_link *link)
{
	char how[96];
	char text[128];

	close(link->go_fd);
	describe_wait_status(reap_child(link->child), how, sizeof(how));
	snprintf(text, sizeof(text), "%s before reporting", how);
	fail_call("child", text);
}

static void receive_bytes(const struct fork_link *link, void *bytes,
			  size_t size)
{
	ssize_t got = read_full(link->report_fd, bytes, size);

	if (got < 0)
		fail_errno("read from child");
	if ((size_t)got != size)
		fail_child_ended_early(link);
}

void fork_link_receive(const struct fork_link *link, void *record,
		       size_t size)
{
	struct record_header header;

	receive_bytes(link, &header, sizeof(header));
	if (header.failed) {
		char call[sizeof(header.error.call) + 8];

		/* The child exits right after its error record; reap it first. */
		close(link->go_fd);
		reap_child(link->child);
		header.error.call[sizeof(header.error.call) - 1] = '\0';
		header.error.text[sizeof(header.error.text) - 1] = '\0';
		snprintf(call, sizeof(call), "child: %s", header.error.call);
		fail_call(call, header.error.text);
	}
	receive_bytes(link, record, size);
}

void fork_link_go(const struct fork_link *link)
{
	char byte = 'g';

	if (write_full(link->go_fd, &byte, 1) == 0)
		return;
	/* A child that is gone closed its end: say how it ended. */
	if (errno == EPIPE)
		fail_child_ended_early(link);
	fail_errno("write to child");
}

void fork_link_finish(struct fork_link *link)
{
	char how[96];
	int status;

	close(link->report_fd);
	close(link->go_fd);
	status = reap_child(link->child);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return;
	describe_wait_status(status, how, sizeof(how));
	fail_call("child", how);
}

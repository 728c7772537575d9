#include "child_status.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "fail.h"

int reap_child(pid_t child)
{
	int status;

	while (waitpid(child, &status, 0) < 0) {
		if (errno != EINTR)
			fail_errno("waitpid");
	}
	return status;
}

void describe_wait_status(int status, char *out, size_t out_size)
{
	if (WIFEXITED(status))
		snprintf(out, out_size, "exited with status %d",
			 WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(out, out_size, "killed by signal %d (%s)",
			 WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(out, out_size, "ended with wait status 0x%x", status);
}

/*
 * oolgroup: runs a command as the leader of a new process group.
 *
 *   oolgroup COMMAND [ARG]...
 *
 * The harness starts every probe run through it: .NET cannot start a process
 * in a group of its own, and only a group lets a deadline end the run together
 * with every process it started, including one that left its parent behind and
 * still holds the output pipe open. The command is exec'd, so its pid is the
 * group's id.
 *
 * Exit 2 for no command; if the command cannot be run, exit 127 with one
 * stderr line beginning "oolgroup: cannot run ", which the harness reports as
 * a probe that could not be started.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	if (argc < 2) {
		fprintf(stderr, "usage: oolgroup COMMAND [ARG]...\n");
		return 2;
	}
	if (setpgid(0, 0) != 0) {
		fprintf(stderr, "oolgroup: setpgid: %s\n", strerror(errno));
		return 1;
	}
	execvp(argv[1], argv + 1);
	fprintf(stderr, "oolgroup: cannot run %s: %s\n", argv[1],
		strerror(errno));
	return 127;
}

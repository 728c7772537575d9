/*
 * ool-transfer on Linux: there are no Mach messages to send, so both
 * subcommands refuse, after their arguments were checked like on XNU.
 */
#include <unistd.h>

#include "fail.h"
#include "ool_transfer.h"

size_t ool_page_size(void)
{
	long page_size = sysconf(_SC_PAGESIZE);

	if (page_size <= 0)
		fail_errno("sysconf(_SC_PAGESIZE)");
	return (size_t)page_size;
}

static _Noreturn void fail_needs_xnu(const char *command)
{
	fail_not_on_this_kernel("%s: needs XNU: Linux has no Mach messages",
				command);
}

int ool_transfer_run(const char *command,
		     const struct ool_transfer_options *options)
{
	(void)options;
	fail_needs_xnu(command);
}

int ool_receiver_run(const char *command)
{
	fail_needs_xnu(command);
}

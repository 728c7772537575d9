/* `oolprobe platform` on Linux: what the snapshot tree is keyed by. */
#include <errno.h>
#include <stdbool.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "args.h"
#include "commands.h"
#include "fail.h"
#include "json.h"

int platform_main(const char *command, int argc, char *argv[])
{
	struct utsname name;
	long page_size;

	parse_options(command, NULL, 0, argc, argv, NULL);
	if (uname(&name) != 0)
		fail_errno("uname");
	page_size = sysconf(_SC_PAGESIZE);
	if (page_size <= 0)
		fail_errno("sysconf(_SC_PAGESIZE)");

	json_begin_object();
	json_key_string("os", "linux");
	json_key_string("release", name.release);
	/* The same string: on Linux the kernel's release is the release. */
	json_key_string("kernel_release", name.release);
	json_key_string("machine", name.machine);
	/* No Linux counterpart of Rosetta: a process always runs natively. */
	json_key_bool("translated", false);
	json_key_uint("page_size", (uint64_t)page_size);
	json_end_object();
	json_finish();
	return 0;
}

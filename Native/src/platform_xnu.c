/* `oolprobe platform` on macOS: what the snapshot tree is keyed by. */
#include <errno.h>
#include <stdbool.h>
#include <sys/sysctl.h>
#include <sys/utsname.h>
#include <mach/mach.h>
#include <mach/vm_page_size.h>

#include "args.h"
#include "commands.h"
#include "fail.h"
#include "json.h"
#include "xnu_layouts.h"

/*
 * Under Rosetta a process sees another page size than the host, so the
 * snapshot tree keeps translated runs apart. Intel-only systems do not have
 * the sysctl at all, which means "not translated".
 */
static bool running_translated(void)
{
	int translated = 0;
	size_t size = sizeof(translated);

	if (sysctlbyname("sysctl.proc_translated", &translated, &size, NULL,
			 0) == 0)
		return translated == 1;
	if (errno == ENOENT)
		return false;
	fail_errno("sysctlbyname sysctl.proc_translated");
}

int platform_main(const char *command, int argc, char *argv[])
{
	char release[64];
	size_t size = sizeof(release);
	struct utsname name;

	parse_options(command, NULL, 0, argc, argv, NULL);
	if (sysctlbyname("kern.osproductversion", release, &size, NULL, 0) != 0)
		fail_errno("sysctlbyname kern.osproductversion");
	release[sizeof(release) - 1] = '\0';
	if (uname(&name) != 0)
		fail_errno("uname");

	json_begin_object();
	json_key_string("os", "macos");
	json_key_string("release", release);
	json_key_string("machine", name.machine);
	json_key_bool("translated", running_translated());
	json_key_uint("page_size", vm_page_size);
	json_end_object();
	json_finish();
	return 0;
}

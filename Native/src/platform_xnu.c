/* `oolprobe platform` on macOS: what the snapshot tree is keyed by. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
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

static void read_string_sysctl(const char *name, char *out, size_t out_size)
{
	size_t size = out_size;
	char call[96];

	if (sysctlbyname(name, out, &size, NULL, 0) != 0) {
		snprintf(call, sizeof(call), "sysctlbyname %s", name);
		fail_errno(call);
	}
	out[out_size - 1] = '\0';
}

int platform_main(const char *command, int argc, char *argv[])
{
	char product[64];
	char darwin[64];
	struct utsname name;

	parse_options(command, NULL, 0, argc, argv, NULL);
	/*
	 * Both raw: the product version is what a process built against an
	 * older SDK is shown (16.0 on macOS 26), the Darwin release is the
	 * kernel's own. The harness decides the release from the pair.
	 */
	read_string_sysctl("kern.osproductversion", product, sizeof(product));
	read_string_sysctl("kern.osrelease", darwin, sizeof(darwin));
	if (uname(&name) != 0)
		fail_errno("uname");

	json_begin_object();
	json_key_string("os", "macos");
	json_key_string("release", product);
	json_key_string("kernel_release", darwin);
	json_key_string("machine", name.machine);
	json_key_bool("translated", running_translated());
	json_key_uint("page_size", vm_page_size);
	json_end_object();
	json_finish();
	return 0;
}

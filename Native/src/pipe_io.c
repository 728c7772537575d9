#include "pipe_io.h"

#include <errno.h>
#include <unistd.h>

/* One loop for both: a pipe cannot pread, a /proc file is read at an offset. */
static ssize_t read_all(int fd, void *buf, size_t len, const off_t *offset)
{
	unsigned char *at = buf;
	size_t done = 0;

	while (done < len) {
		ssize_t n = offset ? pread(fd, at + done, len - done,
					   *offset + (off_t)done)
				   : read(fd, at + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

ssize_t read_full(int fd, void *buf, size_t len)
{
	return read_all(fd, buf, len, NULL);
}

ssize_t pread_full(int fd, void *buf, size_t len, off_t offset)
{
	return read_all(fd, buf, len, &offset);
}

int write_full(int fd, const void *buf, size_t len)
{
	const unsigned char *at = buf;
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(fd, at + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}

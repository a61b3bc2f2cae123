/*
 * Reading an ids database: privd opens it and passes the descriptor, the
 * worker reads it in chunks and keeps only the names asked for, so a
 * query holds one chunk of a megabyte-sized file at a time.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hwids_read.h"

#define CHUNK	(64u << 10)

/*
 * Debian's usb.ids package keeps the file in /var/lib/usbutils and links
 * it from /usr/share/misc: the link leads out of /usr, so the real place
 * is asked for first.  hwdata (Fedora, Arch) keeps both in
 * /usr/share/hwdata.
 */
const char *const hwids_pci_paths[] = {
	"/usr/share/misc/pci.ids",
	"/usr/share/hwdata/pci.ids",
	"/usr/share/pci.ids",
	NULL,
};

const char *const hwids_usb_paths[] = {
	"/var/lib/usbutils/usb.ids",
	"/usr/share/misc/usb.ids",
	"/usr/share/hwdata/usb.ids",
	"/usr/share/usb.ids",
	NULL,
};

/* Read fd to its end through h; 0 or a negative errno. */
static int
scan_fd(int fd, struct hwids *h)
{
	char *buf;
	size_t fill = 0, used;
	ssize_t n;
	int eof = 0;

	if ((buf = malloc(CHUNK)) == NULL)
		return -ENOMEM;
	while (!eof) {
		n = read(fd, buf + fill, CHUNK - fill);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			free(buf);
			return -errno;
		}
		eof = n == 0;
		fill += (size_t)n;
		used = hwids_feed(h, buf, fill, eof);
		if (used == 0 && fill == CHUNK) {
			/* A line longer than the buffer: not a name. */
			hwids_discard_line(h);
			used = fill;
		}
		memmove(buf, buf + used, fill - used);
		fill -= used;
	}
	free(buf);
	return 0;
}

int
hwids_read(struct gen_ctx *ctx, const char *const *paths, struct hwids *h)
{
	const char *failed = NULL;
	size_t i;
	int fd, rc, err = 0;

	for (i = 0; paths[i] != NULL; i++) {
		rc = collect_open_file(gen_collect(ctx), paths[i], &fd);
		if (rc == 0) {
			rc = scan_fd(fd, h);
			close(fd);
			if (rc == 0)
				return 0;
		}
		/* The first file there that cannot be read says why. */
		if (rc != -ENOENT && failed == NULL) {
			failed = paths[i];
			err = -rc;
		}
		if (rc != -ENOENT && rc != -EACCES)
			break;
	}
	if (failed != NULL)
		gen_warn(ctx, "%s: %s: names left NULL", failed,
		    strerror(err));
	else
		gen_warn(ctx, "no %s found: names left NULL",
		    strrchr(paths[0], '/') + 1);
	return -1;
}

/*
 * An interface's sysfs paths and values (tables/netdev_sysfs.h): the
 * input's first line as a class link's target, the second as an
 * interface name, the rest as a speed file.  A directory that comes out
 * must be under /sys with no "." or ".." left in it.
 */
#include <stdint.h>
#include <string.h>

#include "../tables/netdev_sysfs.h"
#include "fuzz.h"

#define PATH_ROOM	4096

/* The next line as a NUL-terminated string, when it fits. */
static int
line_str(const char *buf, size_t size, size_t *off, char *out, size_t room)
{
	struct span line;

	if (!txt_next_line(buf, size, off, &line) || line.len >= room ||
	    memchr(line.p, '\0', line.len) != NULL)
		return 0;
	memcpy(out, line.p, line.len);
	out[line.len] = '\0';
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	char target[PATH_ROOM], dir[PATH_ROOM], slot[64], name[64];
	size_t off = 0;
	int64_t mbps;

	if (line_str(buf, size, &off, target, sizeof(target)) &&
	    netdev_sysfs_dir(target, dir, sizeof(dir)) == 0) {
		CHECK(strncmp(dir, "/sys/", 5) == 0);
		CHECK(strstr(dir, "/../") == NULL && strstr(dir, "/./") == NULL);
		CHECK(strstr(dir, "//") == NULL);
		if (netdev_pci_slot(dir, slot, sizeof(slot)) == 0)
			CHECK(strlen(slot) >= 12 && strchr(slot, '/') == NULL);
	}
	if (line_str(buf, size, &off, name, sizeof(name)) &&
	    netdev_name_ok(name))
		CHECK(strchr(name, '/') == NULL && strlen(name) <= 15);
	if (off <= size && netdev_speed_parse(buf + off, size - off, &mbps) == 0)
		CHECK(mbps >= 0);
	return 0;
}

/*
 * The block devices of the host, as sysfs lists them under
 * /sys/class/block, each with its real sysfs directory (where privd
 * reads its attributes), its /dev name and its parent: the disk of a
 * partition, or the first device a device-mapper or md device sits on.
 * Shared by block_devices and disk_encryption.
 */
#ifndef HOSTQL_TABLES_BLOCKSCAN_H
#define HOSTQL_TABLES_BLOCKSCAN_H

#include <stddef.h>

#include "table.h"

#define BLOCKSCAN_PATH_MAX	512
#define BLOCKSCAN_NAME_MAX	128

struct blockdev {
	char		kname[BLOCKSCAN_NAME_MAX];	/* "sda1" */
	char		devname[BLOCKSCAN_NAME_MAX];	/* "/dev/sda1" */
	char		sysdir[BLOCKSCAN_PATH_MAX];
	char		parent[BLOCKSCAN_NAME_MAX];	/* "/dev/sda", or "" */
	char		disk_sysdir[BLOCKSCAN_PATH_MAX]; /* own, or the
							  * partition's disk */
	unsigned int	major, minor;
	int		partition;
};

struct blockscan {
	struct blockdev	*v;
	size_t		 n;
};

/*
 * Every block device, or only the one whose /dev name is only (NULL:
 * all).  0, or -1 when out of memory (after gen_error()); a device that
 * cannot be read is left out with a warning.
 */
int	blockscan_all(struct gen_ctx *, const char *only, struct blockscan *);
void	blockscan_free(struct blockscan *);

/* The first line of an attribute file below dir ("size",
 * "queue/logical_block_size", "device/model"), trimmed; -1 when absent. */
int	blockscan_attr(struct gen_ctx *, const char *dir, const char *attr,
	    char *out, size_t outsz);

/* The udev database entry of a device (malloc'd); -1 without one. */
int	blockscan_udev(struct gen_ctx *, const struct blockdev *, char **data,
	    size_t *len);

/* The device at this /dev name, or NULL. */
const struct blockdev *blockscan_find(const struct blockscan *,
	    const char *devname);

#endif

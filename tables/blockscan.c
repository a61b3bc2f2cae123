/*
 * /sys/class/block holds a symlink per block device into /sys/devices.
 * The link is read, not followed, and the attributes are read at the
 * path it names, so that the policy only has to allow the block
 * directories under /sys/devices.  Names are gathered first and read
 * after, since privd answers one request at a time.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blockdev.h"
#include "blockscan.h"
#include "dirlist.h"
#include "mountparse.h"
#include "pathglob.h"
#include "sysfs.h"
#include "sysvalue.h"

#define CLASS_BLOCK	"/sys/class/block"
#define UDEV_DATA	"/run/udev/data"
#define UEVENT_CAP	4096
#define UDEV_CAP	(64u << 10)

int
blockscan_attr(struct gen_ctx *ctx, const char *dir, const char *attr,
    char *out, size_t outsz)
{
	char path[BLOCKSCAN_PATH_MAX + 64];

	if (snprintf(path, sizeof(path), "%s/%s", dir, attr) >=
	    (int)sizeof(path)) {
		out[0] = '\0';
		return -1;
	}
	return sysvalue_read(ctx, path, out, outsz) < 0 ? -1 : 0;
}

int
blockscan_udev(struct gen_ctx *ctx, const struct blockdev *d, char **data,
    size_t *len)
{
	char path[64];

	snprintf(path, sizeof(path), UDEV_DATA "/b%u:%u", d->major, d->minor);
	return collect_read_file(gen_collect(ctx), path, UDEV_CAP, data,
	    len) < 0 ? -1 : 0;
}

/* The first device a stacked device sits on, by name. */
static void
first_slave(struct gen_ctx *ctx, struct blockdev *d)
{
	char dir[BLOCKSCAN_PATH_MAX + 8];
	struct dirlist dl;

	snprintf(dir, sizeof(dir), "%s/slaves", d->sysdir);
	if (dirlist_read(gen_collect(ctx), dir, NULL, &dl) == 0 && dl.n > 0)
		blk_devname(dl.v[0].name, d->parent, sizeof(d->parent));
	dirlist_free(&dl);
}

/* uevent: numbers, /dev name and whether it is a partition; 0, or a
 * negative errno (-EINVAL for a uevent without its numbers). */
static int
read_uevent(struct gen_ctx *ctx, struct blockdev *d)
{
	char path[BLOCKSCAN_PATH_MAX + 8], *data = NULL;
	struct span v;
	uint64_t u;
	size_t len = 0;
	int rc;

	snprintf(path, sizeof(path), "%s/uevent", d->sysdir);
	if ((rc = collect_read_file(gen_collect(ctx), path, UEVENT_CAP, &data,
	    &len)) < 0)
		return rc;
	rc = -EINVAL;
	if (sysfs_uevent_value(data, len, "MAJOR", &v) == -1 ||
	    txt_u64(v.p, v.len, &u) == -1 || u > 0xffffffffu)
		goto out;
	d->major = (unsigned int)u;
	if (sysfs_uevent_value(data, len, "MINOR", &v) == -1 ||
	    txt_u64(v.p, v.len, &u) == -1 || u > 0xffffffffu)
		goto out;
	d->minor = (unsigned int)u;
	d->partition = sysfs_uevent_value(data, len, "DEVTYPE", &v) == 0 &&
	    txt_eq(v, "partition");
	/* DEVNAME is the name below /dev ("cciss/c0d0"). */
	if (sysfs_uevent_value(data, len, "DEVNAME", &v) == 0 && v.len > 0) {
		if (v.len + 5 >= sizeof(d->devname) ||
		    memchr(v.p, '\0', v.len) != NULL)
			goto out;
		memcpy(d->devname, "/dev/", 5);
		memcpy(d->devname + 5, v.p, v.len);
		d->devname[5 + v.len] = '\0';
	} else if (blk_devname(d->kname, d->devname, sizeof(d->devname)) == -1)
		goto out;
	rc = 0;
out:
	free(data);
	return rc;
}

/* A partition's disk is the directory its own sits in. */
static void
partition_parent(struct blockdev *d)
{
	char *slash;

	snprintf(d->disk_sysdir, sizeof(d->disk_sysdir), "%s", d->sysdir);
	if (!d->partition ||
	    (slash = strrchr(d->disk_sysdir, '/')) == NULL)
		return;
	*slash = '\0';
	if ((slash = strrchr(d->disk_sysdir, '/')) != NULL)
		blk_devname(slash + 1, d->parent, sizeof(d->parent));
}

/* 0, or a negative errno. */
static int
one_device(struct gen_ctx *ctx, const char *kname, struct blockdev *d)
{
	char link[BLOCKSCAN_PATH_MAX], target[BLOCKSCAN_PATH_MAX];
	int rc;

	memset(d, 0, sizeof(*d));
	if (snprintf(d->kname, sizeof(d->kname), "%s", kname) >=
	    (int)sizeof(d->kname) ||
	    pathglob_join(CLASS_BLOCK, kname, link, sizeof(link)) == -1)
		return -ENAMETOOLONG;
	if ((rc = collect_readlink(gen_collect(ctx), link, target,
	    sizeof(target))) < 0)
		return rc;
	if (mount_link_target(link, target, d->sysdir,
	    sizeof(d->sysdir)) == -1)
		return -ENAMETOOLONG;
	if ((rc = read_uevent(ctx, d)) < 0)
		return rc;
	partition_parent(d);
	if (!d->partition)
		first_slave(ctx, d);
	return 0;
}

/* The kernel name a /dev name stands for ("/dev/cciss/c0d0" ->
 * "cciss!c0d0"); -1 when it is no /dev name. */
static int
kname_of(const char *devname, char *out, size_t outsz)
{
	size_t i, n;

	if (strncmp(devname, "/dev/", 5) != 0 || devname[5] == '\0')
		return -1;
	n = strlen(devname + 5);
	if (n >= outsz)
		return -1;
	for (i = 0; i < n; i++)
		out[i] = devname[5 + i] == '/' ? '!' : devname[5 + i];
	out[n] = '\0';
	return strstr(out, "..") == NULL ? 0 : -1;
}

/* The devices to look at: one, or every name sysfs lists. */
static int
gather(struct gen_ctx *ctx, const char *only, struct dirlist *dl,
    char *one, size_t onesz)
{
	int rc;

	memset(dl, 0, sizeof(*dl));
	if (only != NULL)
		return kname_of(only, one, onesz) == 0 ? 1 : 0;
	rc = dirlist_read(gen_collect(ctx), CLASS_BLOCK, NULL, dl);
	if (rc == -ENOMEM)
		return -1;
	if (rc < 0)
		gen_warn(ctx, "%s: %s", CLASS_BLOCK, strerror(-rc));
	return (int)(dl->n > INT_MAX ? INT_MAX : dl->n);
}

int
blockscan_all(struct gen_ctx *ctx, const char *only, struct blockscan *bs)
{
	struct dirlist dl;
	char one[BLOCKSCAN_NAME_MAX], first[BLOCKSCAN_NAME_MAX];
	const char *kname;
	unsigned int skipped = 0;
	int i, n, rc, first_rc = 0;

	memset(bs, 0, sizeof(*bs));
	if ((n = gather(ctx, only, &dl, one, sizeof(one))) == -1 ||
	    (n > 0 && (bs->v = calloc((size_t)n, sizeof(*bs->v))) == NULL)) {
		dirlist_free(&dl);
		gen_error(ctx, "%s: out of memory", CLASS_BLOCK);
		return -1;
	}
	for (i = 0; i < n; i++) {
		kname = only != NULL ? one : dl.v[i].name;
		if ((rc = one_device(ctx, kname, &bs->v[bs->n])) == 0)
			bs->n++;
		else if (only == NULL && skipped++ == 0) {
			first_rc = rc;
			snprintf(first, sizeof(first), "%s", kname);
		}
	}
	if (skipped > 0)
		gen_warn(ctx, "%u device(s) left out; %s/%s: %s", skipped,
		    CLASS_BLOCK, first, strerror(-first_rc));
	dirlist_free(&dl);
	return 0;
}

void
blockscan_free(struct blockscan *bs)
{
	free(bs->v);
	memset(bs, 0, sizeof(*bs));
}

const struct blockdev *
blockscan_find(const struct blockscan *bs, const char *devname)
{
	size_t i;

	for (i = 0; i < bs->n; i++)
		if (strcmp(bs->v[i].devname, devname) == 0)
			return &bs->v[i];
	return NULL;
}

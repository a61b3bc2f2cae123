/*
 * block_devices: every block device sysfs lists, with its size in
 * 512-byte sectors (the kernel's unit, as osquery gives it), its logical
 * block size, its disk's vendor and model, and the filesystem udev's
 * blkid found on it (uuid, type, label).  osquery runs blkid itself; a
 * reader of raw disks in the worker would need privd to hand out the
 * first bytes of every disk, so here udev's database is read instead.
 * Without udev (a container, a minimal VM) those three are empty.
 */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "blockdev.h"
#include "blockscan.h"

#define ATTR_MAX	256

enum {
	BD_NAME,
	BD_PARENT,
	BD_VENDOR,
	BD_MODEL,
	BD_SERIAL,
	BD_SIZE,
	BD_BLOCK_SIZE,
	BD_UUID,
	BD_TYPE,
	BD_LABEL,
};

static const struct column block_devices_columns[] = {
	{ "name", COL_TEXT, COL_INDEX, NULL, "Block device name" },
	{ "parent", COL_TEXT, 0, NULL, "Block device parent name" },
	{ "vendor", COL_TEXT, 0, NULL, "Block device vendor string" },
	{ "model", COL_TEXT, 0, NULL, "Block device model string identifier" },
	{ "serial", COL_TEXT, 0, NULL, "Block device serial number" },
	{ "size", COL_BIGINT, 0, NULL, "Block device size in blocks" },
	{ "block_size", COL_INTEGER, 0, NULL, "Block size in bytes" },
	{ "uuid", COL_TEXT, 0, "nocase", "Block device Universally Unique "
	    "Identifier" },
	{ "type", COL_TEXT, 0, NULL, "Block device type string" },
	{ "label", COL_TEXT, 0, NULL, "Block device label string" },
};

struct bd_state {
	struct gen_ctx	*ctx;
	unsigned int	 no_udev;
};

/* A sysfs attribute into a column, as text or as a number. */
static void
attr_column(struct gen_ctx *ctx, const char *dir, const char *attr,
    int col, int numeric)
{
	char v[ATTR_MAX];
	uint64_t u;

	if (!gen_used(ctx, col) ||
	    blockscan_attr(ctx, dir, attr, v, sizeof(v)) == -1)
		return;
	if (!numeric)
		row_text_nonempty(ctx, col, v);
	else if (txt_u64(v, strlen(v), &u) == 0 && u <= INT64_MAX)
		row_int(ctx, col, (int64_t)u);
}

/* An "\xHH"-escaped udev property into a column. */
static void
udev_column(struct gen_ctx *ctx, const char *data, size_t len,
    const char *key, int col)
{
	struct span v;
	char *out;

	if (blk_udev_property(data, len, key, &v) == -1 || v.len == 0 ||
	    (out = malloc(v.len + 1)) == NULL)
		return;
	blk_udev_unescape(v, out);
	row_text_nonempty(ctx, col, out);
	free(out);
}

/* udev's short serial (SCSI, NVMe), its only one (virtio), or the
 * disk's own in sysfs. */
static void
serial_column(struct gen_ctx *ctx, const struct blockdev *d,
    const char *data, size_t len)
{
	static const char *const keys[] = { "ID_SERIAL_SHORT", "ID_SERIAL" };
	char v[ATTR_MAX];
	struct span s;
	size_t i;

	if (!gen_used(ctx, BD_SERIAL))
		return;
	for (i = 0; data != NULL && i < sizeof(keys) / sizeof(keys[0]); i++)
		if (blk_udev_property(data, len, keys[i], &s) == 0 &&
		    s.len > 0) {
			udev_column(ctx, data, len, keys[i], BD_SERIAL);
			return;
		}
	if (blockscan_attr(ctx, d->disk_sysdir, "serial", v, sizeof(v)) == 0 &&
	    v[0] != '\0')
		row_text(ctx, BD_SERIAL, v);
	else
		attr_column(ctx, d->disk_sysdir, "device/serial", BD_SERIAL,
		    0);
}

static void
udev_columns(struct bd_state *st, const struct blockdev *d)
{
	struct gen_ctx *ctx = st->ctx;
	char *data = NULL;
	size_t len = 0;

	if (!gen_used(ctx, BD_UUID) && !gen_used(ctx, BD_TYPE) &&
	    !gen_used(ctx, BD_LABEL) && !gen_used(ctx, BD_SERIAL))
		return;
	if (blockscan_udev(ctx, d, &data, &len) == -1)
		st->no_udev++;
	else {
		udev_column(ctx, data, len, "ID_FS_UUID_ENC", BD_UUID);
		udev_column(ctx, data, len, "ID_FS_TYPE", BD_TYPE);
		udev_column(ctx, data, len, "ID_FS_LABEL_ENC", BD_LABEL);
	}
	serial_column(ctx, d, data, len);
	free(data);
}

static int
device_row(struct bd_state *st, const struct blockdev *d)
{
	struct gen_ctx *ctx = st->ctx;

	row_begin(ctx);
	row_text(ctx, BD_NAME, d->devname);
	row_text_nonempty(ctx, BD_PARENT, d->parent);
	attr_column(ctx, d->disk_sysdir, "device/vendor", BD_VENDOR, 0);
	attr_column(ctx, d->disk_sysdir, "device/model", BD_MODEL, 0);
	attr_column(ctx, d->sysdir, "size", BD_SIZE, 1);
	attr_column(ctx, d->disk_sysdir, "queue/logical_block_size",
	    BD_BLOCK_SIZE, 1);
	udev_columns(st, d);
	return row_end(ctx);
}

static int
scan_rows(struct bd_state *st, const char *only)
{
	struct blockscan bs;
	size_t i;
	int rc = 0;

	if (blockscan_all(st->ctx, only, &bs) == -1)
		return -1;
	for (i = 0; i < bs.n && rc == 0; i++)
		rc = device_row(st, &bs.v[i]);
	blockscan_free(&bs);
	if (rc == -1)
		gen_error(st->ctx, "block_devices: out of memory");
	return rc;
}

static int
block_devices_generate(struct gen_ctx *ctx)
{
	struct bd_state st;
	const char *name;
	int i, n, rc = 0;

	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	if ((n = gen_count(ctx, BD_NAME, GEN_EQ)) == 0)
		rc = scan_rows(&st, NULL);
	for (i = 0; i < n && rc == 0; i++)
		if ((name = gen_text(ctx, BD_NAME, GEN_EQ, i)) != NULL)
			rc = scan_rows(&st, name);
	if (st.no_udev > 0)
		gen_warn(ctx, "no udev database entry for %u device(s) "
		    "(/run/udev/data): their uuid, type and label are empty",
		    st.no_udev);
	return rc;
}

const struct table table_block_devices = {
	.name = "block_devices",
	.description = "Block (buffered access) device file nodes: disks, "
	    "ramdisks, and DMG containers.",
	.example = "SELECT name, parent, size * block_size AS bytes, type, "
	    "uuid, label FROM block_devices",
	.columns = block_devices_columns,
	.ncolumns = NCOLUMNS(block_devices_columns),
	.generate = block_devices_generate,
};

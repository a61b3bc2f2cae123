/*
 * disk_encryption: whether each block device is encrypted.  A
 * device-mapper device is encrypted when cryptsetup made it (its dm
 * uuid is "CRYPT-<type>-..."); a device on top of an encrypted one (a
 * partition of it, an LVM volume or filesystem stacked on it) is
 * encrypted as well, as osquery's parent rule has it.
 *
 * osquery's type adds the cipher and mode ("LUKS2-aes-xts-plain64")
 * from the LUKS header; reading a disk's first bytes is not something
 * privd does for the worker by default, so type is cryptsetup's type
 * alone ("LUKS2").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "blockdev.h"
#include "blockscan.h"

/* Devices stacked deeper than this are not followed. */
#define STACK_MAX	16
#define DM_UUID_MAX	256

enum {
	DE_NAME,
	DE_UUID,
	DE_ENCRYPTED,
	DE_TYPE,
	DE_ENCRYPTION_STATUS,
};

static const struct column disk_encryption_columns[] = {
	{ "name", COL_TEXT, COL_INDEX, NULL, "Disk name" },
	{ "uuid", COL_TEXT, 0, "nocase", "Disk Universally Unique Identifier" },
	{ "encrypted", COL_INTEGER, 0, NULL, "1 If encrypted: true (disk is "
	    "encrypted), else 0" },
	{ "type", COL_TEXT, 0, NULL, "Description of cipher type and mode if "
	    "available" },
	{ "encryption_status", COL_TEXT, 0, NULL, "Disk encryption status "
	    "with one of following values: encrypted | not encrypted | "
	    "undefined" },
};

/* What each device is, filled in as the devices are looked at. */
struct crypt_state {
	int	known;
	int	encrypted;
	char	type[32];
};

/* The device's own dm-crypt type, if it is a dm-crypt mapping. */
static int
own_crypt_type(struct gen_ctx *ctx, const struct blockdev *d, char *type,
    size_t typesz)
{
	char uuid[DM_UUID_MAX];
	struct span t;

	if (strncmp(d->kname, "dm-", 3) != 0 ||
	    blockscan_attr(ctx, d->sysdir, "dm/uuid", uuid,
	    sizeof(uuid)) == -1 ||
	    !blk_dm_crypt_type(uuid, strlen(uuid), &t))
		return 0;
	snprintf(type, typesz, "%.*s", (int)t.len, t.p);
	return 1;
}

static const struct crypt_state *
resolve(struct gen_ctx *ctx, const struct blockscan *bs,
    struct crypt_state *cs, size_t i, int depth)
{
	const struct blockdev *d = &bs->v[i], *p;
	const struct crypt_state *pc;

	if (cs[i].known)
		return &cs[i];
	cs[i].known = 1;
	if (own_crypt_type(ctx, d, cs[i].type, sizeof(cs[i].type))) {
		cs[i].encrypted = 1;
		return &cs[i];
	}
	if (depth < STACK_MAX && d->parent[0] != '\0' &&
	    (p = blockscan_find(bs, d->parent)) != NULL) {
		pc = resolve(ctx, bs, cs, (size_t)(p - bs->v), depth + 1);
		if (pc->encrypted) {
			cs[i].encrypted = 1;
			memcpy(cs[i].type, pc->type, sizeof(cs[i].type));
		}
	}
	return &cs[i];
}

static void
uuid_column(struct gen_ctx *ctx, const struct blockdev *d)
{
	struct span v;
	char *data = NULL, *out;
	size_t len = 0;

	if (!gen_used(ctx, DE_UUID) ||
	    blockscan_udev(ctx, d, &data, &len) == -1)
		return;
	if (blk_udev_property(data, len, "ID_FS_UUID_ENC", &v) == 0 &&
	    (out = malloc(v.len + 1)) != NULL) {
		blk_udev_unescape(v, out);
		row_text_nonempty(ctx, DE_UUID, out);
		free(out);
	}
	free(data);
}

/* Is this device one the query names (or does it name none)? */
static int
wanted(struct gen_ctx *ctx, const char *devname)
{
	const char *name;
	int i, n = gen_count(ctx, DE_NAME, GEN_EQ);

	for (i = 0; i < n; i++)
		if ((name = gen_text(ctx, DE_NAME, GEN_EQ, i)) != NULL &&
		    strcmp(name, devname) == 0)
			return 1;
	return n == 0;
}

static int
device_row(struct gen_ctx *ctx, const struct blockdev *d,
    const struct crypt_state *c)
{
	row_begin(ctx);
	row_text(ctx, DE_NAME, d->devname);
	uuid_column(ctx, d);
	row_int(ctx, DE_ENCRYPTED, c->encrypted);
	if (c->encrypted)
		row_text(ctx, DE_TYPE, c->type);
	row_text(ctx, DE_ENCRYPTION_STATUS, c->encrypted ? "encrypted" :
	    "not encrypted");
	return row_end(ctx);
}

static int
disk_encryption_generate(struct gen_ctx *ctx)
{
	struct blockscan bs;
	struct crypt_state *cs;
	size_t i;
	int rc = 0;

	/* Every device, even for one name: its parents decide. */
	if (blockscan_all(ctx, NULL, &bs) == -1)
		return -1;
	if ((cs = calloc(bs.n ? bs.n : 1, sizeof(*cs))) == NULL) {
		blockscan_free(&bs);
		gen_error(ctx, "disk_encryption: out of memory");
		return -1;
	}
	for (i = 0; i < bs.n && rc == 0; i++)
		if (wanted(ctx, bs.v[i].devname))
			rc = device_row(ctx, &bs.v[i],
			    resolve(ctx, &bs, cs, i, 0));
	free(cs);
	blockscan_free(&bs);
	if (rc == -1) {
		gen_error(ctx, "disk_encryption: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_disk_encryption = {
	.name = "disk_encryption",
	.description = "Disk encryption status and information.",
	.example = "SELECT name, encrypted, type FROM disk_encryption WHERE "
	    "encrypted = 1",
	.columns = disk_encryption_columns,
	.ncolumns = NCOLUMNS(disk_encryption_columns),
	.generate = disk_encryption_generate,
};

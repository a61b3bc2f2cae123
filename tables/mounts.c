/*
 * mounts: every mounted filesystem, as /proc/mounts lists them, with the
 * sizes statfs(2) gives for its mount point (asked of privd only when
 * the query reads them).  device_alias is the device with its symlinks
 * resolved (/dev/mapper/root -> /dev/dm-0), as realpath(3) would give;
 * a source that is not a path ("proc", "tmpfs") is its own alias.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "mountparse.h"
#include "pathglob.h"

#define MOUNTS_CAP	(8u << 20)
/* As the kernel's MAXSYMLINKS: a loop ends, a long chain is cut. */
#define MOUNTS_MAX_LINKS	40

enum {
	MT_DEVICE,
	MT_DEVICE_ALIAS,
	MT_PATH,
	MT_TYPE,
	MT_BLOCKS_SIZE,
	MT_BLOCKS,
	MT_BLOCKS_FREE,
	MT_BLOCKS_AVAILABLE,
	MT_INODES,
	MT_INODES_FREE,
	MT_FLAGS,
};

static const struct column mounts_columns[] = {
	{ "device", COL_TEXT, 0, NULL, "Mounted device" },
	{ "device_alias", COL_TEXT, 0, NULL, "Mounted device alias" },
	{ "path", COL_TEXT, 0, NULL, "Mounted device path" },
	{ "type", COL_TEXT, 0, NULL, "Mounted device type" },
	{ "blocks_size", COL_BIGINT, 0, NULL, "Block size in bytes" },
	{ "blocks", COL_BIGINT, 0, NULL, "Mounted device used blocks" },
	{ "blocks_free", COL_BIGINT, 0, NULL, "Mounted device free blocks" },
	{ "blocks_available", COL_BIGINT, 0, NULL, "Mounted device available "
	    "blocks" },
	{ "inodes", COL_BIGINT, 0, NULL, "Mounted device used inodes" },
	{ "inodes_free", COL_BIGINT, 0, NULL, "Mounted device free inodes" },
	{ "flags", COL_TEXT, 0, NULL, "Mounted device flags" },
};

struct mt_state {
	struct gen_ctx	*ctx;
	int		 want_alias;
	int		 want_statfs;
	unsigned int	 statfs_failed;
	int		 first_errno;
	char		 first_failed[256];
};

/* Is path there and not a symlink?  privd's readlink of a file that is
 * no link fails as EINVAL or, on a descriptor, as ENOENT. */
static int
is_final(struct mt_state *st, const char *path, int rc)
{
	struct hq_stat sb;

	if (rc == -EINVAL)
		return 1;
	return rc == -ENOENT &&
	    collect_stat(gen_collect(st->ctx), path, 0, &sb) == 0;
}

/* Follow the symlinks of an absolute device path; out is the device
 * itself when it is no link or does not resolve. */
static void
device_alias(struct mt_state *st, const char *device, char *out,
    size_t outsz)
{
	char cur[PATHGLOB_PATH_MAX], next[PATHGLOB_PATH_MAX];
	char target[PATHGLOB_PATH_MAX];
	int i, rc;

	snprintf(out, outsz, "%s", device);
	if (device[0] != '/' ||
	    snprintf(cur, sizeof(cur), "%s", device) >= (int)sizeof(cur))
		return;
	for (i = 0; i < MOUNTS_MAX_LINKS; i++) {
		rc = collect_readlink(gen_collect(st->ctx), cur, target,
		    sizeof(target));
		if (rc < 0) {
			if (is_final(st, cur, rc))
				snprintf(out, outsz, "%s", cur);
			return;
		}
		if (mount_link_target(cur, target, next, sizeof(next)) == -1)
			return;
		memcpy(cur, next, sizeof(cur));
	}
}

static void
statfs_columns(struct mt_state *st, const char *path)
{
	struct gen_ctx *ctx = st->ctx;
	struct hq_statfs sf;
	int rc;

	rc = collect_statfs(gen_collect(ctx), path, &sf);
	if (rc < 0) {
		if (st->statfs_failed++ == 0) {
			st->first_errno = -rc;
			snprintf(st->first_failed, sizeof(st->first_failed),
			    "%s", path);
		}
		return;
	}
	row_int(ctx, MT_BLOCKS_SIZE, (int64_t)sf.bsize);
	row_int(ctx, MT_BLOCKS, (int64_t)sf.blocks);
	row_int(ctx, MT_BLOCKS_FREE, (int64_t)sf.bfree);
	row_int(ctx, MT_BLOCKS_AVAILABLE, (int64_t)sf.bavail);
	row_int(ctx, MT_INODES, (int64_t)sf.files);
	row_int(ctx, MT_INODES_FREE, (int64_t)sf.ffree);
}

/* Fields are decoded into buf, which has room for the whole line. */
static int
mount_row(struct mt_state *st, const struct mount_line *m, char *buf)
{
	struct gen_ctx *ctx = st->ctx;
	char *device = buf, *path, alias[PATHGLOB_PATH_MAX];

	path = device + mount_unescape(m->device, device) + 1;
	mount_unescape(m->path, path);
	row_begin(ctx);
	row_text(ctx, MT_DEVICE, device);
	if (st->want_alias) {
		device_alias(st, device, alias, sizeof(alias));
		row_text(ctx, MT_DEVICE_ALIAS, alias);
	}
	row_text(ctx, MT_PATH, path);
	row_textn(ctx, MT_TYPE, m->type.p, m->type.len);
	row_textn(ctx, MT_FLAGS, m->options.p, m->options.len);
	if (st->want_statfs)
		statfs_columns(st, path);
	return row_end(ctx);
}

static int
statfs_wanted(struct gen_ctx *ctx)
{
	int col;

	for (col = MT_BLOCKS_SIZE; col <= MT_INODES_FREE; col++)
		if (gen_used(ctx, col))
			return 1;
	return 0;
}

static int
mounts_rows(struct mt_state *st, const char *data, size_t len)
{
	struct mount_line m;
	struct span line;
	size_t off = 0;
	unsigned int bad = 0;
	char *buf;
	int rc = 0;

	/* Two decoded fields never outgrow the file they came from. */
	if ((buf = malloc(len + 2)) == NULL)
		return -1;
	while (rc == 0 && txt_next_line(data, len, &off, &line)) {
		if (mount_parse_line(line, &m) == -1) {
			bad += txt_trim(line).len > 0;
			continue;
		}
		rc = mount_row(st, &m, buf);
	}
	free(buf);
	if (bad > 0)
		gen_warn(st->ctx, "%u malformed line(s) in /proc/mounts", bad);
	return rc;
}

static int
mounts_generate(struct gen_ctx *ctx)
{
	struct mt_state st;
	char *data = NULL;
	size_t len = 0;
	int rc;

	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	st.want_alias = gen_used(ctx, MT_DEVICE_ALIAS);
	st.want_statfs = statfs_wanted(ctx);
	rc = collect_read_file(gen_collect(ctx), "/proc/mounts", MOUNTS_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "/proc/mounts: %s", strerror(-rc));
		return 0;
	}
	rc = mounts_rows(&st, data, len);
	free(data);
	if (st.statfs_failed > 0)
		gen_warn(ctx, "no sizes for %u mount(s): statfs %s: %s",
		    st.statfs_failed, st.first_failed,
		    strerror(st.first_errno));
	if (rc == -1) {
		gen_error(ctx, "mounts: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_mounts = {
	.name = "mounts",
	.description = "System mounted devices and filesystems (not process "
	    "specific).",
	.example = "SELECT device, path, type, blocks_size * blocks_available "
	    "AS bytes_available FROM mounts WHERE type = 'ext4'",
	.columns = mounts_columns,
	.ncolumns = NCOLUMNS(mounts_columns),
	.generate = mounts_generate,
};

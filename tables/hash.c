/*
 * hash: md5, sha1 and sha256 of the regular files a query names by path
 * or directory.
 *
 * privd opens each file and passes the descriptor; the worker reads and
 * hashes it.  Only the digests the query reads are computed, so
 * `SELECT sha256 ...` costs one digest, not three.  A link to a regular
 * file is hashed as that file, as osquery does.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "digest.h"
#include "filepaths.h"
#include "table.h"

enum {
	C_PATH,
	C_DIRECTORY,
	C_MD5,
	C_SHA1,
	C_SHA256,
	C_PID_WITH_NAMESPACE,
	C_MOUNT_NAMESPACE_ID,
};

static const struct column hash_columns[] = {
	[C_PATH] = { "path", COL_TEXT,
	    COL_INDEX | COL_REQUIRED | COL_OPTIMIZED, NULL,
	    "Must provide a path or directory" },
	[C_DIRECTORY] = { "directory", COL_TEXT,
	    COL_REQUIRED | COL_OPTIMIZED, NULL,
	    "Must provide a path or directory" },
	[C_MD5] = { "md5", COL_TEXT, 0, "nocase",
	    "MD5 hash of provided filesystem data" },
	[C_SHA1] = { "sha1", COL_TEXT, 0, "nocase",
	    "SHA1 hash of provided filesystem data" },
	[C_SHA256] = { "sha256", COL_TEXT, 0, "nocase",
	    "SHA256 hash of provided filesystem data" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace (not supported: always NULL)" },
	[C_MOUNT_NAMESPACE_ID] = { "mount_namespace_id", COL_TEXT,
	    COL_HIDDEN, NULL,
	    "Mount namespace id (not supported: always NULL)" },
};

/* The digests the query reads. */
static unsigned int
wanted_digests(struct gen_ctx *ctx)
{
	unsigned int which = 0;

	if (gen_used(ctx, C_MD5))
		which |= DIGEST_MD5;
	if (gen_used(ctx, C_SHA1))
		which |= DIGEST_SHA1;
	if (gen_used(ctx, C_SHA256))
		which |= DIGEST_SHA256;
	return which;
}

/* A listing says what an entry is; skip what cannot be a regular file
 * (or a link to one) without asking privd. */
static int
may_be_regular(unsigned int d_type)
{
	return d_type == DT_REG || d_type == DT_LNK || d_type == DT_UNKNOWN;
}

/*
 * Is f a regular file (following links)?  1 yes, 0 no or not there, and
 * a warning for anything else.  *st gets what it is.
 */
static int
is_regular(struct gen_ctx *ctx, struct filepaths *fp,
    const struct filepath *f, struct hq_stat *st)
{
	int rc;

	if (f->dir_only)
		return 0;
	rc = collect_stat(gen_collect(ctx), f->real, 1, st);
	if (rc == -ENOENT || rc == -ENOTDIR || rc == -ELOOP)
		return 0;
	if (rc < 0) {
		filepaths_warn(ctx, fp, "cannot stat %s: %s", f->path,
		    strerror(-rc));
		return 0;
	}
	return S_ISREG(st->mode);
}

/*
 * The descriptor privd passed must be the file that was stat'ed: a file
 * swapped for a FIFO in between would block the read, one swapped for
 * another would be hashed under the wrong name.
 */
static int
same_regular_file(int fd, const struct hq_stat *st)
{
	struct stat sb;

	if (fstat(fd, &sb) == -1)
		return 0;
	return S_ISREG(sb.st_mode) && (uint64_t)sb.st_ino == st->ino &&
	    (uint64_t)sb.st_dev == st->dev;
}

/* Hash f into *out; 0 on success, -1 when there is nothing to report. */
static int
hash_file(struct gen_ctx *ctx, struct filepaths *fp,
    const struct filepath *f, const struct hq_stat *st, unsigned int which,
    struct digest_hex *out)
{
	int fd, rc;

	rc = collect_open_file(gen_collect(ctx), f->real, &fd);
	if (rc == -ENOENT)
		return -1;
	if (rc < 0) {
		filepaths_warn(ctx, fp, "cannot open %s: %s", f->path,
		    strerror(-rc));
		return -1;
	}
	if (!same_regular_file(fd, st)) {
		filepaths_warn(ctx, fp, "%s changed while it was read",
		    f->path);
		close(fd);
		return -1;
	}
	rc = digest_fd(fd, which, out, NULL);
	close(fd);
	if (rc < 0) {
		filepaths_warn(ctx, fp, "cannot read %s: %s", f->path,
		    strerror(-rc));
		return -1;
	}
	return 0;
}

/* One row for f; -1 only when the row cannot be kept (out of memory). */
static int
hash_row(struct gen_ctx *ctx, struct filepaths *fp, const struct filepath *f,
    void *arg)
{
	unsigned int which = *(const unsigned int *)arg;
	struct digest_hex hex;
	struct hq_stat st;

	if (!may_be_regular(f->d_type) || !is_regular(ctx, fp, f, &st))
		return 0;
	memset(&hex, 0, sizeof(hex));
	if (which != 0 && hash_file(ctx, fp, f, &st, which, &hex) == -1)
		return 0;
	row_begin(ctx);
	row_text(ctx, C_PATH, f->path);
	row_text(ctx, C_DIRECTORY, f->directory);
	if (which & DIGEST_MD5)
		row_text(ctx, C_MD5, hex.md5);
	if (which & DIGEST_SHA1)
		row_text(ctx, C_SHA1, hex.sha1);
	if (which & DIGEST_SHA256)
		row_text(ctx, C_SHA256, hex.sha256);
	return row_end(ctx);
}

static int
hash_generate(struct gen_ctx *ctx)
{
	unsigned int which = wanted_digests(ctx);

	return filepaths_each(ctx, C_PATH, C_DIRECTORY, C_PID_WITH_NAMESPACE,
	    hash_row, &which);
}

const struct table table_hash = {
	.name = "hash",
	.description = "Filesystem hash data.",
	.example = "SELECT sha256 FROM hash WHERE path = '/usr/bin/ls'",
	.columns = hash_columns,
	.ncolumns = NCOLUMNS(hash_columns),
	.generate = hash_generate,
};

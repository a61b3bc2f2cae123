/*
 * file: the stat of the files a query names by path or directory.
 *
 * A link is described itself, not what it points to (lstat), with its
 * target in symlink_target_path.  A path that is not there gives no row
 * and no warning: `path IN (...)` over candidates is a normal query.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "filepaths.h"
#include "pathglob.h"
#include "table.h"

enum {
	C_PATH,
	C_DIRECTORY,
	C_FILENAME,
	C_INODE,
	C_UID,
	C_GID,
	C_MODE,
	C_DEVICE,
	C_SIZE,
	C_BLOCK_SIZE,
	C_ATIME,
	C_MTIME,
	C_CTIME,
	C_BTIME,
	C_HARD_LINKS,
	C_SYMLINK,
	C_TYPE,
	C_SYMLINK_TARGET_PATH,
	C_PID_WITH_NAMESPACE,
	C_MOUNT_NAMESPACE_ID,
};

static const struct column file_columns[] = {
	[C_PATH] = { "path", COL_TEXT,
	    COL_INDEX | COL_REQUIRED | COL_OPTIMIZED, NULL,
	    "Absolute file path" },
	[C_DIRECTORY] = { "directory", COL_TEXT,
	    COL_REQUIRED | COL_OPTIMIZED, NULL,
	    "Directory of file(s)" },
	[C_FILENAME] = { "filename", COL_TEXT, 0, NULL,
	    "Name portion of file path" },
	[C_INODE] = { "inode", COL_BIGINT, 0, NULL,
	    "Filesystem inode number" },
	[C_UID] = { "uid", COL_BIGINT, 0, NULL, "Owning user ID" },
	[C_GID] = { "gid", COL_BIGINT, 0, NULL, "Owning group ID" },
	[C_MODE] = { "mode", COL_TEXT, 0, NULL,
	    "Permission bits, in octal" },
	[C_DEVICE] = { "device", COL_BIGINT, 0, NULL,
	    "Device ID of a device file (st_rdev)" },
	[C_SIZE] = { "size", COL_BIGINT, 0, NULL, "Size of file in bytes" },
	[C_BLOCK_SIZE] = { "block_size", COL_INTEGER, 0, NULL,
	    "Block size of filesystem" },
	[C_ATIME] = { "atime", COL_BIGINT, 0, NULL, "Last access time" },
	[C_MTIME] = { "mtime", COL_BIGINT, 0, NULL,
	    "Last modification time" },
	[C_CTIME] = { "ctime", COL_BIGINT, 0, NULL,
	    "Last status change time" },
	[C_BTIME] = { "btime", COL_BIGINT, 0, NULL,
	    "(B)irth or (cr)eate time, 0 when the filesystem does not "
	    "keep it" },
	[C_HARD_LINKS] = { "hard_links", COL_INTEGER, 0, NULL,
	    "Number of hard links" },
	[C_SYMLINK] = { "symlink", COL_INTEGER, 0, NULL,
	    "1 if the path is a symlink, otherwise 0" },
	[C_TYPE] = { "type", COL_TEXT, 0, NULL,
	    "File status: regular, directory, symlink, character, block, "
	    "fifo or socket" },
	[C_SYMLINK_TARGET_PATH] = { "symlink_target_path", COL_TEXT, 0,
	    NULL, "Where the symlink points, as it is written" },
	[C_PID_WITH_NAMESPACE] = { "pid_with_namespace", COL_INTEGER,
	    COL_ADDITIONAL | COL_HIDDEN, NULL,
	    "Pids that contain a namespace (not supported: always NULL)" },
	[C_MOUNT_NAMESPACE_ID] = { "mount_namespace_id", COL_TEXT,
	    COL_HIDDEN, NULL,
	    "Mount namespace id (not supported: always NULL)" },
};

static const char *
file_type_name(uint32_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return "regular";
	case S_IFDIR:
		return "directory";
	case S_IFLNK:
		return "symlink";
	case S_IFCHR:
		return "character";
	case S_IFBLK:
		return "block";
	case S_IFIFO:
		return "fifo";
	case S_IFSOCK:
		return "socket";
	default:
		return "unknown";
	}
}

static void
row_names(struct gen_ctx *ctx, const struct filepath *f)
{
	char name[PATHGLOB_PATH_MAX];

	row_text(ctx, C_PATH, f->path);
	row_text(ctx, C_DIRECTORY, f->directory);
	if (pathglob_basename(f->path, name, sizeof(name)) == 0)
		row_text(ctx, C_FILENAME, name);
}

static void
row_stat(struct gen_ctx *ctx, const struct hq_stat *st)
{
	char mode[8];

	snprintf(mode, sizeof(mode), "%04o", (unsigned int)(st->mode & 07777));
	row_int(ctx, C_INODE, (int64_t)st->ino);
	row_int(ctx, C_UID, st->uid);
	row_int(ctx, C_GID, st->gid);
	row_text(ctx, C_MODE, mode);
	row_int(ctx, C_DEVICE, (int64_t)st->rdev);
	row_int(ctx, C_SIZE, st->size);
	row_int(ctx, C_BLOCK_SIZE, st->blksize);
	row_int(ctx, C_ATIME, st->atime);
	row_int(ctx, C_MTIME, st->mtime);
	row_int(ctx, C_CTIME, st->ctime);
	row_int(ctx, C_BTIME, st->btime < 0 ? 0 : st->btime);
	row_int(ctx, C_HARD_LINKS, st->nlink);
	row_int(ctx, C_SYMLINK, S_ISLNK(st->mode) ? 1 : 0);
	row_text(ctx, C_TYPE, file_type_name(st->mode));
}

/* Where the link f points, into target; "" when it cannot be read. */
static void
read_link_target(struct gen_ctx *ctx, struct filepaths *fp,
    const struct filepath *f, char *target, size_t len)
{
	int rc;

	rc = collect_readlink(gen_collect(ctx), f->real, target, len);
	if (rc < 0) {
		if (rc != -ENOENT)
			filepaths_warn(ctx, fp, "cannot read link %s: %s",
			    f->path, strerror(-rc));
		target[0] = '\0';
		return;
	}
	target[len - 1] = '\0';
}

/* One row for f; -1 only when the row cannot be kept (out of memory). */
static int
file_row(struct gen_ctx *ctx, struct filepaths *fp, const struct filepath *f,
    void *arg)
{
	char target[PATH_MAX + 1] = "";
	struct hq_stat st;
	int rc;

	(void)arg;
	/* A path that ends in '/' names the directory a link points to,
	 * as lstat(2) would have it. */
	rc = collect_stat(gen_collect(ctx), f->real, f->dir_only, &st);
	if (rc == -ENOENT || rc == -ENOTDIR ||
	    (rc == 0 && f->dir_only && !S_ISDIR(st.mode)))
		return 0;
	if (rc < 0) {
		filepaths_warn(ctx, fp, "cannot stat %s: %s", f->path,
		    strerror(-rc));
		return 0;
	}
	if (S_ISLNK(st.mode) && gen_used(ctx, C_SYMLINK_TARGET_PATH))
		read_link_target(ctx, fp, f, target, sizeof(target));
	row_begin(ctx);
	row_names(ctx, f);
	row_stat(ctx, &st);
	row_text_nonempty(ctx, C_SYMLINK_TARGET_PATH, target);
	return row_end(ctx);
}

static int
file_generate(struct gen_ctx *ctx)
{
	return filepaths_each(ctx, C_PATH, C_DIRECTORY, C_PID_WITH_NAMESPACE,
	    file_row, NULL);
}

const struct table table_file = {
	.name = "file",
	.description = "Interactive filesystem attributes and metadata.",
	.example = "SELECT * FROM file WHERE path LIKE '/etc/%'",
	.columns = file_columns,
	.ncolumns = NCOLUMNS(file_columns),
	.generate = file_generate,
};

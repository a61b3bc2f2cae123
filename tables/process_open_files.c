/*
 * process_open_files: the descriptors of every process that name a file
 * (a regular file, a directory, a device, a FIFO, a deleted file), from
 * the /proc/<pid>/fd links privd reads in one batch.  As in osquery,
 * sockets, pipes and anonymous inodes (eventfd, epoll ...) are left out:
 * process_open_sockets and process_open_pipes show those.
 */
#include <errno.h>
#include <string.h>

#include "proclinks.h"
#include "procpids.h"
#include "table.h"

enum { C_PID, C_FD, C_PATH };

static const struct column columns[] = {
	[C_PID] = { "pid", COL_BIGINT, COL_INDEX, NULL,
	    "Process (or thread) ID" },
	[C_FD] = { "fd", COL_BIGINT, 0, NULL,
	    "Process-specific file descriptor number" },
	[C_PATH] = { "path", COL_TEXT, 0, NULL,
	    "Filesystem path of descriptor" },
};

/* What the link of a descriptor names when it is not a file. */
static int
is_file(struct span target)
{
	return !proclinks_is(target, "socket") &&
	    !proclinks_is(target, "pipe") &&
	    !proclinks_is(target, "anon_inode");
}

static int
file_row(void *arg, int32_t pid, uint32_t fd, struct span target)
{
	struct gen_ctx *ctx = arg;

	if (!is_file(target))
		return 0;
	row_begin(ctx);
	row_int(ctx, C_PID, pid);
	row_int(ctx, C_FD, fd);
	row_textn(ctx, C_PATH, target.p, target.len);
	return row_end(ctx);
}

static int
open_files_generate(struct gen_ctx *ctx)
{
	struct procpids_fds w = { file_row, ctx, 0, 0 };
	int rc;

	rc = procpids_read(ctx, C_PID, PROC_KIND_BIT(PROC_FDS),
	    procpids_fds, &w);
	if (w.stopped || rc == -ENOMEM) {
		gen_error(ctx, "process_open_files: out of memory");
		return -1;
	}
	if (rc < 0)
		gen_warn(ctx, "reading /proc/<pid>/fd: %s", strerror(-rc));
	if (w.malformed > 0)
		gen_warn(ctx, "%d malformed descriptor lists", w.malformed);
	return 0;
}

const struct table table_process_open_files = {
	.name = "process_open_files",
	.description = "File descriptors for each process.",
	.example = "SELECT pid, fd, path FROM process_open_files "
	    "WHERE pid = 1",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = open_files_generate,
};

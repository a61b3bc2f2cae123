/*
 * processes: one row per process, from the files of /proc/<pid> that
 * privd reads in one batch.  Only the kinds of file the query's columns
 * need are asked for, and a pid constraint narrows the batch to those
 * pids.  The files of one pid arrive together, so a row is gathered in
 * one reusable accumulator and handed over when the next pid starts:
 * no allocation per process.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "table.h"
#include "procfs.h"
#include "procpids.h"

enum {
	P_PID,
	P_NAME,
	P_PATH,
	P_CMDLINE,
	P_STATE,
	P_CWD,
	P_ROOT,
	P_UID,
	P_GID,
	P_EUID,
	P_EGID,
	P_SUID,
	P_SGID,
	P_ON_DISK,
	P_WIRED_SIZE,
	P_RESIDENT_SIZE,
	P_TOTAL_SIZE,
	P_USER_TIME,
	P_SYSTEM_TIME,
	P_DISK_BYTES_READ,
	P_DISK_BYTES_WRITTEN,
	P_START_TIME,
	P_PARENT,
	P_PGROUP,
	P_THREADS,
	P_NICE,
	P_CGROUP_PATH,
	P_NCOLUMNS
};

static const struct column processes_columns[] = {
	{ "pid", COL_BIGINT, COL_INDEX | COL_OPTIMIZED, NULL,
	    "Process (or thread) ID" },
	{ "name", COL_TEXT, 0, NULL, "The process name" },
	{ "path", COL_TEXT, 0, NULL, "Path to executed binary" },
	{ "cmdline", COL_TEXT, 0, NULL, "Complete argv" },
	{ "state", COL_TEXT, 0, NULL, "Process state" },
	{ "cwd", COL_TEXT, 0, NULL, "Process current working directory" },
	{ "root", COL_TEXT, 0, NULL, "Process virtual root directory" },
	{ "uid", COL_BIGINT, 0, NULL, "Unsigned user ID" },
	{ "gid", COL_BIGINT, 0, NULL, "Unsigned group ID" },
	{ "euid", COL_BIGINT, 0, NULL, "Unsigned effective user ID" },
	{ "egid", COL_BIGINT, 0, NULL, "Unsigned effective group ID" },
	{ "suid", COL_BIGINT, 0, NULL, "Unsigned saved user ID" },
	{ "sgid", COL_BIGINT, 0, NULL, "Unsigned saved group ID" },
	{ "on_disk", COL_INTEGER, 0, NULL,
	    "The process path exists yes=1, no=0, unknown=-1" },
	{ "wired_size", COL_BIGINT, 0, NULL,
	    "Bytes of unpageable memory used by process" },
	{ "resident_size", COL_BIGINT, 0, NULL,
	    "Bytes of private memory used by process" },
	{ "total_size", COL_BIGINT, 0, NULL, "Total virtual memory size" },
	{ "user_time", COL_BIGINT, 0, NULL, "CPU time in milliseconds "
	    "spent in user space" },
	{ "system_time", COL_BIGINT, 0, NULL, "CPU time in milliseconds "
	    "spent in kernel space" },
	{ "disk_bytes_read", COL_BIGINT, 0, NULL,
	    "Bytes read from disk" },
	{ "disk_bytes_written", COL_BIGINT, 0, NULL,
	    "Bytes written to disk" },
	{ "start_time", COL_BIGINT, 0, NULL,
	    "Process start time in seconds since Epoch" },
	{ "parent", COL_BIGINT, 0, NULL, "Process parent's PID" },
	{ "pgroup", COL_BIGINT, 0, NULL, "Process group" },
	{ "threads", COL_INTEGER, 0, NULL,
	    "Number of threads used by process" },
	{ "nice", COL_INTEGER, 0, NULL, "Process nice level (-20 to 20, "
	    "default 0)" },
	{ "cgroup_path", COL_TEXT, 0, NULL,
	    "The full hierarchical path of the process's control group" },
};

#define K(k)	PROC_KIND_BIT(PROC_##k)

/* The files each column is made from. */
static const uint32_t column_kinds[P_NCOLUMNS] = {
	[P_PID] = 0,
	[P_NAME] = K(STAT),
	[P_PATH] = K(EXE),
	[P_CMDLINE] = K(CMDLINE),
	[P_STATE] = K(STAT),
	[P_CWD] = K(CWD),
	[P_ROOT] = K(ROOT),
	[P_UID] = K(STATUS),
	[P_GID] = K(STATUS),
	[P_EUID] = K(STATUS),
	[P_EGID] = K(STATUS),
	[P_SUID] = K(STATUS),
	[P_SGID] = K(STATUS),
	[P_ON_DISK] = K(EXE),
	[P_WIRED_SIZE] = 0,
	[P_RESIDENT_SIZE] = K(STATUS),
	[P_TOTAL_SIZE] = K(STATUS),
	[P_USER_TIME] = K(STAT),
	[P_SYSTEM_TIME] = K(STAT),
	[P_DISK_BYTES_READ] = K(IO),
	[P_DISK_BYTES_WRITTEN] = K(IO),
	[P_START_TIME] = K(STAT),
	[P_PARENT] = K(STAT),
	[P_PGROUP] = K(STAT),
	[P_THREADS] = K(STAT),
	[P_NICE] = K(STAT),
	[P_CGROUP_PATH] = K(CGROUP),
};

/* Text of the current process, kept in the arena by offset. */
enum {
	T_NAME,
	T_CMDLINE,
	T_EXE,
	T_CWD,
	T_ROOT,
	T_CGROUP,
	T_MAX
};

struct text_slot {
	size_t	off;
	size_t	len;
	int	set;
};

struct proc_gen {
	struct gen_ctx		*ctx;
	uint32_t		 kinds;
	long			 clk_tck;
	int64_t			 btime;		/* -1 when unknown */

	int32_t			 pid;		/* being gathered; -1 none */
	uint32_t		 got;		/* kinds read for it */
	struct proc_stat	 stat;
	struct proc_status	 status;
	struct proc_io		 io;
	int			 deleted;
	struct text_slot	 text[T_MAX];

	char			*arena;
	size_t			 arena_len;
	size_t			 arena_cap;
	int			 failed;	/* out of memory */
};

static int
arena_reserve(struct proc_gen *g, size_t n)
{
	size_t cap;
	char *p;

	if (g->arena_cap - g->arena_len >= n)
		return 0;
	cap = g->arena_cap > 0 ? g->arena_cap : 65536;
	while (cap - g->arena_len < n) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	if ((p = realloc(g->arena, cap)) == NULL)
		return -1;
	g->arena = p;
	g->arena_cap = cap;
	return 0;
}

static int
text_keep(struct proc_gen *g, int slot, const char *s, size_t len)
{
	if (arena_reserve(g, len) == -1)
		return -1;
	memcpy(g->arena + g->arena_len, s, len);
	g->text[slot].off = g->arena_len;
	g->text[slot].len = len;
	g->text[slot].set = 1;
	g->arena_len += len;
	return 0;
}

static int
text_keep_cmdline(struct proc_gen *g, const char *s, size_t len)
{
	size_t n;

	if (arena_reserve(g, len) == -1)
		return -1;
	n = procfs_cmdline_join(s, len, g->arena + g->arena_len);
	g->text[T_CMDLINE].off = g->arena_len;
	g->text[T_CMDLINE].len = n;
	g->text[T_CMDLINE].set = 1;
	g->arena_len += n;
	return 0;
}

/* Link targets may come with their terminating NUL; drop it. */
static size_t
link_len(const char *s, size_t len)
{
	return strnlen(s, len);
}

static void
proc_reset(struct proc_gen *g, int32_t pid)
{
	g->pid = pid;
	g->got = 0;
	g->deleted = 0;
	g->arena_len = 0;
	memset(g->text, 0, sizeof(g->text));
}

static int64_t
ticks_to_ms(const struct proc_gen *g, uint64_t ticks)
{
	if (ticks > (uint64_t)INT64_MAX / 1000)
		return (int64_t)(ticks / (uint64_t)g->clk_tck) * 1000;
	return (int64_t)(ticks * 1000 / (uint64_t)g->clk_tck);
}

static void
emit_text(struct proc_gen *g, int col, int slot, uint32_t kind)
{
	const struct text_slot *t = &g->text[slot];

	if (t->set)
		row_textn(g->ctx, col, g->arena + t->off, t->len);
	else if (g->kinds & kind)
		row_text(g->ctx, col, "");
}

static void
emit_stat(struct proc_gen *g)
{
	const struct proc_stat *st = &g->stat;

	if (!(g->got & K(STAT)))
		return;
	row_textn(g->ctx, P_STATE, &st->state, 1);
	row_int(g->ctx, P_PARENT, st->ppid);
	row_int(g->ctx, P_PGROUP, st->pgrp);
	row_int(g->ctx, P_USER_TIME, ticks_to_ms(g, st->utime));
	row_int(g->ctx, P_SYSTEM_TIME, ticks_to_ms(g, st->stime));
	row_int(g->ctx, P_NICE, st->nice);
	row_int(g->ctx, P_THREADS, st->threads);
	if (g->btime >= 0)
		row_int(g->ctx, P_START_TIME,
		    g->btime + (int64_t)(st->starttime /
		    (uint64_t)g->clk_tck));
}

static void
emit_id(struct gen_ctx *ctx, int col, int64_t id)
{
	if (id != PROCFS_ID_UNSET)
		row_int(ctx, col, id);
}

static void
emit_status(struct proc_gen *g)
{
	const struct proc_status *ps = &g->status;

	if (!(g->got & K(STATUS)))
		return;
	emit_id(g->ctx, P_UID, ps->uid[0]);
	emit_id(g->ctx, P_EUID, ps->uid[1]);
	emit_id(g->ctx, P_SUID, ps->uid[2]);
	emit_id(g->ctx, P_GID, ps->gid[0]);
	emit_id(g->ctx, P_EGID, ps->gid[1]);
	emit_id(g->ctx, P_SGID, ps->gid[2]);
	/* Kernel threads have no user memory and no Vm lines. */
	row_int(g->ctx, P_RESIDENT_SIZE,
	    ps->vm_rss_kb >= 0 ? ps->vm_rss_kb * 1024 : 0);
	row_int(g->ctx, P_TOTAL_SIZE,
	    ps->vm_size_kb >= 0 ? ps->vm_size_kb * 1024 : 0);
}

static void
emit_io(struct proc_gen *g)
{
	const struct proc_io *io = &g->io;
	int64_t written = -1;

	if (!(g->kinds & K(IO)))
		return;
	if (!(g->got & K(IO))) {
		row_int(g->ctx, P_DISK_BYTES_READ, -1);
		row_int(g->ctx, P_DISK_BYTES_WRITTEN, -1);
		return;
	}
	/* Bytes whose write-back was cancelled (a file truncated before
	 * it reached the disk) never were written. */
	if (io->write_bytes >= 0) {
		written = io->write_bytes;
		if (io->cancelled_write_bytes > 0)
			written -= io->cancelled_write_bytes;
		if (written < 0)
			written = 0;
	}
	row_int(g->ctx, P_DISK_BYTES_READ, io->read_bytes);
	row_int(g->ctx, P_DISK_BYTES_WRITTEN, written);
}

static void
emit_exe(struct proc_gen *g)
{
	if (!(g->kinds & K(EXE)))
		return;
	emit_text(g, P_PATH, T_EXE, K(EXE));
	if (!g->text[T_EXE].set || g->text[T_EXE].len == 0)
		row_int(g->ctx, P_ON_DISK, -1);
	else
		row_int(g->ctx, P_ON_DISK, g->deleted ? 0 : 1);
}

/* Hand over the gathered process, unless it vanished before any of its
 * files could be read. */
static int
proc_flush(struct proc_gen *g)
{
	if (g->pid < 0 || !(g->got & (K(STAT) | K(STATUS))))
		return 0;
	row_begin(g->ctx);
	row_int(g->ctx, P_PID, g->pid);
	emit_text(g, P_NAME, T_NAME, 0);
	emit_stat(g);
	emit_status(g);
	emit_io(g);
	emit_exe(g);
	emit_text(g, P_CMDLINE, T_CMDLINE, K(CMDLINE));
	emit_text(g, P_CWD, T_CWD, K(CWD));
	emit_text(g, P_ROOT, T_ROOT, K(ROOT));
	emit_text(g, P_CGROUP_PATH, T_CGROUP, K(CGROUP));
	row_int(g->ctx, P_WIRED_SIZE, 0);
	return row_end(g->ctx);
}

static int
take_stat(struct proc_gen *g, const char *data, size_t len)
{
	if (procfs_parse_stat(data, len, &g->stat) == -1)
		return 0;
	g->got |= K(STAT);
	/* The stat name is the raw one; status escapes some bytes. */
	return text_keep(g, T_NAME, g->stat.comm, g->stat.comm_len);
}

static int
take_status(struct proc_gen *g, const char *data, size_t len)
{
	procfs_parse_status(data, len, &g->status);
	g->got |= K(STATUS);
	if (g->text[T_NAME].set || g->status.name.len == 0)
		return 0;
	return text_keep(g, T_NAME, g->status.name.p, g->status.name.len);
}

static int
take_cgroup(struct proc_gen *g, const char *data, size_t len)
{
	struct span path;

	g->got |= K(CGROUP);
	if (procfs_cgroup_unified(data, len, &path) == -1)
		return 0;
	return text_keep(g, T_CGROUP, path.p, path.len);
}

static int
take_exe(struct proc_gen *g, const char *data, size_t len)
{
	len = link_len(data, len);
	g->deleted = procfs_exe_deleted(data, &len);
	g->got |= K(EXE);
	return text_keep(g, T_EXE, data, len);
}

static int
take_file(struct proc_gen *g, unsigned int kind, const char *data,
    size_t len)
{
	switch (kind) {
	case PROC_STAT:
		return take_stat(g, data, len);
	case PROC_STATUS:
		return take_status(g, data, len);
	case PROC_CMDLINE:
		g->got |= K(CMDLINE);
		return text_keep_cmdline(g, data, len);
	case PROC_IO:
		if (procfs_parse_io(data, len, &g->io) == 0)
			g->got |= K(IO);
		return 0;
	case PROC_CGROUP:
		return take_cgroup(g, data, len);
	case PROC_EXE:
		return take_exe(g, data, len);
	case PROC_CWD:
		g->got |= K(CWD);
		return text_keep(g, T_CWD, data, link_len(data, len));
	case PROC_ROOT:
		g->got |= K(ROOT);
		return text_keep(g, T_ROOT, data, link_len(data, len));
	default:
		return 0;
	}
}

static int
proc_file(void *arg, int32_t pid, unsigned int kind, int err,
    const char *data, size_t len)
{
	struct proc_gen *g = arg;

	if (pid != g->pid) {
		if (proc_flush(g) == -1) {
			g->failed = 1;
			return 1;
		}
		proc_reset(g, pid);
	}
	/* A file that could not be read (the process exited, or the
	 * policy refused it) leaves its columns empty. */
	if (err != 0 || kind >= PROC_KIND_MAX || !(g->kinds & (1u << kind)))
		return 0;
	if (data == NULL) {
		data = "";
		len = 0;
	}
	if (take_file(g, kind, data, len) == -1) {
		g->failed = 1;
		return 1;
	}
	return 0;
}

static uint32_t
wanted_kinds(struct gen_ctx *ctx)
{
	uint32_t kinds = K(STAT);
	int col;

	for (col = 0; col < P_NCOLUMNS; col++)
		if (gen_used(ctx, col))
			kinds |= column_kinds[col];
	return kinds;
}

static int64_t
boot_time(struct gen_ctx *ctx)
{
	char *data = NULL;
	size_t len = 0;
	int64_t btime = -1;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/proc/stat", 4u << 20,
	    &data, &len);
	if (rc < 0)
		gen_warn(ctx, "processes: /proc/stat: %s", strerror(-rc));
	else if (procfs_parse_btime(data, len, &btime) == -1)
		gen_warn(ctx, "processes: no boot time in /proc/stat");
	free(data);
	return btime;
}

/* The processes "pid = N" and "pid IN (...)" name, or all of them. */
static int
read_procs(struct gen_ctx *ctx, struct proc_gen *g)
{
	int rc;

	rc = procpids_read(ctx, P_PID, g->kinds, proc_file, g);
	if (rc == -ENOMEM) {
		g->failed = 1;
		return 0;
	}
	return rc;
}

static int
processes_generate(struct gen_ctx *ctx)
{
	struct proc_gen g;
	int rc;

	memset(&g, 0, sizeof(g));
	g.ctx = ctx;
	g.pid = -1;
	g.kinds = wanted_kinds(ctx);
	g.clk_tck = sysconf(_SC_CLK_TCK);
	if (g.clk_tck <= 0)
		g.clk_tck = 100;
	g.btime = gen_used(ctx, P_START_TIME) ? boot_time(ctx) : -1;

	rc = read_procs(ctx, &g);
	if (!g.failed && proc_flush(&g) == -1)
		g.failed = 1;
	free(g.arena);
	if (g.failed) {
		gen_error(ctx, "processes: out of memory");
		return -1;
	}
	if (rc < 0)
		gen_warn(ctx, "processes: reading /proc: %s", strerror(-rc));
	return 0;
}

const struct table table_processes = {
	.name = "processes",
	.description = "All running processes on the host system.",
	.example = "SELECT pid, name, path, cmdline FROM processes "
	    "WHERE pid = 1",
	.columns = processes_columns,
	.ncolumns = NCOLUMNS(processes_columns),
	.generate = processes_generate,
};

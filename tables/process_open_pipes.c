/*
 * process_open_pipes: the pipes and FIFOs processes hold, each end with
 * the ends of other descriptors it can talk to.
 *
 * From the /proc/<pid>/fd links of every process: "pipe:[N]" is an end
 * of anonymous pipe N; a link to a path is an end of a FIFO when the
 * path, stat'ed once however many hold it, is one.  Whether an end reads
 * or writes is in the owner bits of its link, so each end costs one
 * lstat.  As in osquery, a FIFO's path is looked up in privd's mount
 * namespace: a FIFO a containerised process opened in its own is missed.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pathset.h"
#include "pipe_pairs.h"
#include "proclinks.h"
#include "procpids.h"
#include "table.h"

enum {
	C_PID, C_FD, C_MODE, C_INODE, C_TYPE, C_PARTNER_PID, C_PARTNER_FD,
	C_PARTNER_MODE,
};

static const struct column columns[] = {
	[C_PID] = { "pid", COL_BIGINT, 0, NULL, "Process ID" },
	[C_FD] = { "fd", COL_BIGINT, 0, NULL, "File descriptor" },
	[C_MODE] = { "mode", COL_TEXT, 0, NULL,
	    "Pipe open mode (r/w)" },
	[C_INODE] = { "inode", COL_BIGINT, 0, NULL, "Pipe inode number" },
	[C_TYPE] = { "type", COL_TEXT, 0, NULL,
	    "Pipe Type: named vs unnamed/anonymous" },
	[C_PARTNER_PID] = { "partner_pid", COL_BIGINT, 0, NULL,
	    "Process ID of partner process sharing a particular pipe" },
	[C_PARTNER_FD] = { "partner_fd", COL_BIGINT, 0, NULL,
	    "File descriptor of shared pipe at partner's end" },
	[C_PARTNER_MODE] = { "partner_mode", COL_TEXT, 0, NULL,
	    "Mode of shared pipe at partner's end" },
};

/* A descriptor whose path may be a FIFO: which path, by index. */
struct path_fd {
	int32_t		pid;
	uint32_t	fd;
	uint32_t	path;
};

struct pipe_scan {
	struct gen_ctx	*ctx;
	struct pipe_ends ends;
	struct pathset	 paths;
	struct path_fd	*pfds;
	size_t		 npfds;
	size_t		 pfds_cap;
	int		 malformed;
	int		 refused;	/* paths privd may not stat */
	int		 stat_errors;
	int		 failed;
};

static int
add_path_fd(struct pipe_scan *s, int32_t pid, uint32_t fd,
    struct span target)
{
	struct path_fd *v;
	int64_t idx;
	size_t cap;

	if ((idx = pathset_add(&s->paths, target.p, target.len)) == -1)
		return -1;
	if (s->npfds == s->pfds_cap) {
		cap = s->pfds_cap > 0 ? s->pfds_cap * 2 : 256;
		if (cap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(s->pfds, cap * sizeof(*v))) == NULL)
			return -1;
		s->pfds = v;
		s->pfds_cap = cap;
	}
	s->pfds[s->npfds].pid = pid;
	s->pfds[s->npfds].fd = fd;
	s->pfds[s->npfds].path = (uint32_t)idx;
	s->npfds++;
	return 0;
}

/* A path that can be stat'ed to find a FIFO: absolute, and not a file
 * deleted since it was opened (its name may be another file's now). */
static int
may_be_fifo(struct span t)
{
	static const char deleted[] = " (deleted)";
	size_t n = sizeof(deleted) - 1;

	if (t.len == 0 || t.p[0] != '/')
		return 0;
	return t.len < n || memcmp(t.p + t.len - n, deleted, n) != 0;
}

static int
take_fd(void *arg, int32_t pid, uint32_t fd, struct span target)
{
	struct pipe_scan *s = arg;
	struct pipe_end e;

	if (proclinks_is(target, "pipe")) {
		memset(&e, 0, sizeof(e));
		if ((e.inode = proclinks_inode(target, "pipe")) == 0) {
			s->malformed++;
			return 0;
		}
		e.pid = pid;
		e.fd = fd;
		return pipe_ends_add(&s->ends, &e);
	}
	if (may_be_fifo(target))
		return add_path_fd(s, pid, fd, target);
	return 0;
}

/* What the stat of a path said: a FIFO, and which. */
struct fifo_id {
	uint64_t	dev;
	uint64_t	ino;
	uint8_t		fifo;
};

static void
stat_paths(struct pipe_scan *s, struct fifo_id *ids)
{
	struct hq_stat st;
	size_t i;
	int rc;

	for (i = 0; i < s->paths.n; i++) {
		rc = collect_stat(gen_collect(s->ctx),
		    pathset_get(&s->paths, i), 1, &st);
		if (rc == 0 && S_ISFIFO(st.mode)) {
			ids[i].dev = st.dev;
			ids[i].ino = st.ino;
			ids[i].fifo = 1;
		} else if (rc == -EACCES)
			s->refused++;
	}
}

/* Stat each distinct path once; the descriptors on a FIFO become ends. */
static int
add_fifo_ends(struct pipe_scan *s)
{
	const struct fifo_id *id;
	struct fifo_id *ids;
	struct pipe_end e;
	size_t i;
	int rc = 0;

	if (s->paths.n == 0)
		return 0;
	if ((ids = calloc(s->paths.n, sizeof(*ids))) == NULL)
		return -1;
	stat_paths(s, ids);
	for (i = 0; i < s->npfds && rc == 0; i++) {
		id = &ids[s->pfds[i].path];
		if (!id->fifo)
			continue;
		memset(&e, 0, sizeof(e));
		e.named = 1;
		e.dev = id->dev;
		e.inode = id->ino;
		e.pid = s->pfds[i].pid;
		e.fd = s->pfds[i].fd;
		rc = pipe_ends_add(&s->ends, &e);
	}
	free(ids);
	return rc;
}

/*
 * The mode of each end, from its link's owner bits.  An end whose
 * descriptor was closed meanwhile is dropped; one whose link cannot be
 * stat'ed otherwise stays, without a mode.
 */
static void
read_modes(struct pipe_scan *s)
{
	char link[64];
	struct hq_stat st;
	size_t i, k = 0;
	int rc;

	for (i = 0; i < s->ends.n; i++) {
		struct pipe_end *e = &s->ends.v[i];

		snprintf(link, sizeof(link), "/proc/%d/fd/%u", (int)e->pid,
		    (unsigned int)e->fd);
		rc = collect_stat(gen_collect(s->ctx), link, 0, &st);
		if (rc == -ENOENT || rc == -ESRCH)
			continue;
		if (rc == 0)
			pipe_mode(st.mode, e->mode);
		else
			s->stat_errors++;
		s->ends.v[k++] = *e;
	}
	s->ends.n = k;
}

static int
pipe_row(void *arg, const struct pipe_end *e, const struct pipe_end *p)
{
	struct gen_ctx *ctx = arg;

	row_begin(ctx);
	row_int(ctx, C_PID, e->pid);
	row_int(ctx, C_FD, e->fd);
	row_text_nonempty(ctx, C_MODE, e->mode);
	row_int(ctx, C_INODE, e->inode <= INT64_MAX ? (int64_t)e->inode : -1);
	row_text(ctx, C_TYPE, e->named ? "named" : "anonymous");
	if (p != NULL) {
		row_int(ctx, C_PARTNER_PID, p->pid);
		row_int(ctx, C_PARTNER_FD, p->fd);
		row_text_nonempty(ctx, C_PARTNER_MODE, p->mode);
	}
	return row_end(ctx);
}

/* The paths and their holders were needed to find the FIFOs only. */
static void
drop_paths(struct pipe_scan *s)
{
	pathset_free(&s->paths);
	free(s->pfds);
	s->pfds = NULL;
	s->npfds = s->pfds_cap = 0;
}

static int
open_pipes_generate(struct gen_ctx *ctx)
{
	struct pipe_scan s;
	struct procpids_fds w = { take_fd, &s, 0, 0 };
	int rc;

	memset(&s, 0, sizeof(s));
	s.ctx = ctx;
	/* Every process: a partner may be any of them. */
	rc = collect_proc_read(gen_collect(ctx), NULL, 0,
	    PROC_KIND_BIT(PROC_FDS), procpids_fds, &w);
	if (rc < 0)
		gen_warn(ctx, "reading /proc/<pid>/fd: %s", strerror(-rc));
	s.failed = w.stopped != 0;
	s.malformed += w.malformed;
	if (!s.failed && add_fifo_ends(&s) == -1)
		s.failed = 1;
	drop_paths(&s);
	if (!s.failed) {
		read_modes(&s);
		if (pipe_ends_pair(&s.ends, pipe_row, ctx) != 0)
			s.failed = 1;
	}
	pipe_ends_free(&s.ends);
	if (s.failed) {
		gen_error(ctx, "process_open_pipes: out of memory");
		return -1;
	}
	if (s.malformed > 0)
		gen_warn(ctx, "%d malformed descriptor lists or links",
		    s.malformed);
	if (s.refused > 0)
		gen_warn(ctx, "%d open paths could not be checked for FIFOs: "
		    "%s", s.refused, strerror(EACCES));
	if (s.stat_errors > 0)
		gen_warn(ctx, "the mode of %d pipe ends could not be read",
		    s.stat_errors);
	return 0;
}

const struct table table_process_open_pipes = {
	.name = "process_open_pipes",
	.description = "Pipes and partner processes for each process.",
	.example = "SELECT pid, fd, mode, type, partner_pid, partner_fd "
	    "FROM process_open_pipes WHERE pid = 1",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = open_pipes_generate,
};

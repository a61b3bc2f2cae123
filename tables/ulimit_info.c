/*
 * ulimit_info: resource limits, as getrlimit(2) gives them.
 *
 * osquery shows the limits of its own process.  The worker here runs
 * under limits of its own, tightened by the sandbox (few descriptors, no
 * core, no processes), which describe the sandbox rather than the host;
 * so the table shows the limits of the process the worker serves, its
 * parent privd: the hostql command a user ran, or the hostqld daemon,
 * whose limits are those its shell or service manager gave it, as
 * osqueryi's and osqueryd's are.  They are read from
 * /proc/<privd>/limits.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "proclimits.h"
#include "table.h"

enum { C_TYPE, C_SOFT_LIMIT, C_HARD_LIMIT };

static const struct column columns[] = {
	[C_TYPE] = { "type", COL_TEXT, 0, NULL,
	    "System resource to be limited" },
	[C_SOFT_LIMIT] = { "soft_limit", COL_TEXT, 0, NULL,
	    "Current limit value" },
	[C_HARD_LIMIT] = { "hard_limit", COL_TEXT, 0, NULL,
	    "Maximum limit value" },
};

struct limits {
	struct gen_ctx	*ctx;
	int		 err;		/* errno of the read; -1 unread */
	int		 found;
	int		 failed;
};

static int
limit_rows(struct limits *l, const char *data, size_t len)
{
	struct proclimit_value v[LIMIT_MAX];
	int r;

	l->found = proclimits_parse(data, len, v);
	for (r = 0; r < LIMIT_MAX; r++) {
		if (v[r].soft.len == 0)
			continue;
		row_begin(l->ctx);
		row_text(l->ctx, C_TYPE, proclimits_name(r));
		row_textn(l->ctx, C_SOFT_LIMIT, v[r].soft.p, v[r].soft.len);
		row_textn(l->ctx, C_HARD_LIMIT, v[r].hard.p, v[r].hard.len);
		if (row_end(l->ctx) == -1)
			return -1;
	}
	return 0;
}

static int
limits_file(void *arg, int32_t pid, unsigned int kind, int err,
    const char *data, size_t len)
{
	struct limits *l = arg;

	(void)pid;
	if (kind != PROC_LIMITS)
		return 0;
	l->err = err;
	if (err == 0 && limit_rows(l, data, len) == -1) {
		l->failed = 1;
		return 1;
	}
	return 0;
}

static int
ulimit_info_generate(struct gen_ctx *ctx)
{
	struct limits l = { ctx, -1, 0, 0 };
	int32_t privd = (int32_t)getppid();
	int rc;

	rc = collect_proc_read(gen_collect(ctx), &privd, 1,
	    PROC_KIND_BIT(PROC_LIMITS), limits_file, &l);
	if (l.failed) {
		gen_error(ctx, "ulimit_info: out of memory");
		return -1;
	}
	if (rc < 0)
		gen_warn(ctx, "reading the limits of privd: %s",
		    strerror(-rc));
	else if (l.err > 0)
		gen_warn(ctx, "/proc/%d/limits: %s", (int)privd,
		    strerror(l.err));
	else if (l.err == 0 && l.found == 0)
		gen_warn(ctx, "/proc/%d/limits lists no limit", (int)privd);
	return 0;
}

const struct table table_ulimit_info = {
	.name = "ulimit_info",
	.description = "System resource usage limits (of the hostql or "
	    "hostqld process that runs the query, not of its sandboxed "
	    "worker).",
	.example = "SELECT type, soft_limit, hard_limit FROM ulimit_info "
	    "WHERE type = 'nofile'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = ulimit_info_generate,
};

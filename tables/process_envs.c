/*
 * process_envs: the environment variables of every process, from
 * /proc/<pid>/environ.  Environments hold secrets (tokens, passwords
 * handed to daemons), so the default policy does not let privd read
 * them: the table then has no rows, and says why.  A policy with
 * "allow proc environ" (and no "deny proc environ") opens it.
 */
#include <errno.h>
#include <string.h>

#include "procenv.h"
#include "procpids.h"
#include "table.h"

enum { C_PID, C_KEY, C_VALUE };

static const struct column columns[] = {
	[C_PID] = { "pid", COL_INTEGER, COL_INDEX | COL_OPTIMIZED, NULL,
	    "Process (or thread) ID" },
	[C_KEY] = { "key", COL_TEXT, 0, NULL,
	    "Environment variable name" },
	[C_VALUE] = { "value", COL_TEXT, 0, NULL,
	    "Environment variable value" },
};

struct envs {
	struct gen_ctx	*ctx;
	int		 failed;
};

static int
environ_of_process(void *arg, int32_t pid, unsigned int kind, int err,
    const char *data, size_t len)
{
	struct envs *e = arg;
	struct span key, value;
	size_t off = 0;

	/* Kernel threads have an empty environment; a process that exited
	 * meanwhile has none. */
	if (err != 0 || kind != PROC_ENVIRON)
		return 0;
	while (procenv_next(data, len, &off, &key, &value)) {
		row_begin(e->ctx);
		row_int(e->ctx, C_PID, pid);
		row_textn(e->ctx, C_KEY, key.p, key.len);
		row_textn(e->ctx, C_VALUE, value.p, value.len);
		if (row_end(e->ctx) == -1) {
			e->failed = 1;
			return 1;
		}
	}
	return 0;
}

static int
envs_generate(struct gen_ctx *ctx)
{
	struct envs e = { ctx, 0 };
	int rc;

	rc = procpids_read(ctx, C_PID, PROC_KIND_BIT(PROC_ENVIRON),
	    environ_of_process, &e);
	if (e.failed || rc == -ENOMEM) {
		gen_error(ctx, "process_envs: out of memory");
		return -1;
	}
	if (rc == -EACCES)
		gen_warn(ctx, "the policy does not allow reading process "
		    "environments (they hold secrets): no rows; a policy "
		    "with \"allow proc environ\" does");
	else if (rc < 0)
		gen_warn(ctx, "reading /proc/<pid>/environ: %s", strerror(-rc));
	return 0;
}

const struct table table_process_envs = {
	.name = "process_envs",
	.description = "A key/value table of environment variables for each "
	    "process; empty unless the policy allows reading environments.",
	.example = "SELECT key, value FROM process_envs WHERE pid = 1",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = envs_generate,
};

/*
 * process_namespaces: the namespaces of every process, by the inode
 * number of each /proc/<pid>/ns link ("net:[4026531840]" gives
 * "4026531840").  Two processes share a namespace when the numbers are
 * equal.  The time namespace and the *_for_children links are not
 * osquery columns and are left out.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "proclinks.h"
#include "procpids.h"
#include "table.h"

enum {
	C_PID, C_CGROUP, C_IPC, C_MNT, C_NET, C_PID_NS, C_USER, C_UTS,
	C_NCOLUMNS
};

static const struct column columns[] = {
	[C_PID] = { "pid", COL_INTEGER, COL_INDEX | COL_OPTIMIZED, NULL,
	    "Process (or thread) ID" },
	[C_CGROUP] = { "cgroup_namespace", COL_TEXT, 0, NULL,
	    "cgroup namespace inode" },
	[C_IPC] = { "ipc_namespace", COL_TEXT, 0, NULL,
	    "ipc namespace inode" },
	[C_MNT] = { "mnt_namespace", COL_TEXT, 0, NULL,
	    "mnt namespace inode" },
	[C_NET] = { "net_namespace", COL_TEXT, 0, NULL,
	    "net namespace inode" },
	[C_PID_NS] = { "pid_namespace", COL_TEXT, 0, NULL,
	    "pid namespace inode" },
	[C_USER] = { "user_namespace", COL_TEXT, 0, NULL,
	    "user namespace inode" },
	[C_UTS] = { "uts_namespace", COL_TEXT, 0, NULL,
	    "uts namespace inode" },
};

/* The link name of each namespace column. */
static const char *const ns_names[C_NCOLUMNS] = {
	[C_CGROUP] = "cgroup",
	[C_IPC] = "ipc",
	[C_MNT] = "mnt",
	[C_NET] = "net",
	[C_PID_NS] = "pid",
	[C_USER] = "user",
	[C_UTS] = "uts",
};

struct namespaces {
	struct gen_ctx	*ctx;
	int		 malformed;
	int		 failed;
};

static int
ns_column(struct span name)
{
	int col;

	for (col = C_CGROUP; col < C_NCOLUMNS; col++)
		if (txt_eq(name, ns_names[col]))
			return col;
	return -1;
}

static void
row_ns(struct namespaces *n, struct span name, struct span target)
{
	char buf[24];
	uint64_t ino;
	int col;

	if ((col = ns_column(name)) == -1)
		return;
	/* The target names its own kind: "net" links to "net:[N]". */
	if ((ino = proclinks_inode(target, ns_names[col])) == 0) {
		n->malformed++;
		return;
	}
	snprintf(buf, sizeof(buf), "%" PRIu64, ino);
	row_text(n->ctx, col, buf);
}

static int
ns_of_process(void *arg, int32_t pid, unsigned int kind, int err,
    const char *data, size_t len)
{
	struct namespaces *n = arg;
	struct proclinks c;
	struct span name, target;
	int rc;

	/* A process that exited meanwhile has no row; one whose links
	 * could not be read has its pid alone, as in osquery. */
	if (kind != PROC_NS || err == ENOENT || err == ESRCH)
		return 0;
	row_begin(n->ctx);
	row_int(n->ctx, C_PID, pid);
	if (err == 0) {
		proclinks_init(&c, data, len);
		while ((rc = proclinks_next_ns(&c, &name, &target)) == 1)
			row_ns(n, name, target);
		if (rc == -1)
			n->malformed++;
	}
	if (row_end(n->ctx) == -1) {
		n->failed = 1;
		return 1;
	}
	return 0;
}

static int
namespaces_generate(struct gen_ctx *ctx)
{
	struct namespaces n = { ctx, 0, 0 };
	int rc;

	rc = procpids_read(ctx, C_PID, PROC_KIND_BIT(PROC_NS),
	    ns_of_process, &n);
	if (n.failed || rc == -ENOMEM) {
		gen_error(ctx, "process_namespaces: out of memory");
		return -1;
	}
	if (rc < 0)
		gen_warn(ctx, "reading /proc/<pid>/ns: %s", strerror(-rc));
	if (n.malformed > 0)
		gen_warn(ctx, "%d malformed namespace links", n.malformed);
	return 0;
}

const struct table table_process_namespaces = {
	.name = "process_namespaces",
	.description = "Linux namespaces for processes running on the host "
	    "system.",
	.example = "SELECT pid, net_namespace, mnt_namespace FROM "
	    "process_namespaces WHERE pid = 1",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = namespaces_generate,
};

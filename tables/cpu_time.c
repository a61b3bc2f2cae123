/*
 * cpu_time: the time each CPU core has spent in each state since boot,
 * from the "cpuN" lines of /proc/stat, in the kernel's USER_HZ ticks
 * (1/100 s on every architecture), as osquery reports them.
 */
#include <stdlib.h>
#include <string.h>

#include "cpustat.h"
#include "table.h"

#define STAT_FILE	"/proc/stat"
#define STAT_FILE_CAP	(4u << 20)

enum {
	C_CORE, C_USER, C_NICE, C_SYSTEM, C_IDLE, C_IOWAIT, C_IRQ,
	C_SOFTIRQ, C_STEAL, C_GUEST, C_GUEST_NICE,
};

static const struct column columns[] = {
	[C_CORE] = { "core", COL_INTEGER, 0, NULL,
	    "Name of the cpu (core)" },
	[C_USER] = { "user", COL_BIGINT, 0, NULL, "Time spent in user mode" },
	[C_NICE] = { "nice", COL_BIGINT, 0, NULL,
	    "Time spent in user mode with low priority (nice)" },
	[C_SYSTEM] = { "system", COL_BIGINT, 0, NULL,
	    "Time spent in system mode" },
	[C_IDLE] = { "idle", COL_BIGINT, 0, NULL,
	    "Time spent in the idle task" },
	[C_IOWAIT] = { "iowait", COL_BIGINT, 0, NULL,
	    "Time spent waiting for I/O to complete" },
	[C_IRQ] = { "irq", COL_BIGINT, 0, NULL,
	    "Time spent servicing interrupts" },
	[C_SOFTIRQ] = { "softirq", COL_BIGINT, 0, NULL,
	    "Time spent servicing softirqs" },
	[C_STEAL] = { "steal", COL_BIGINT, 0, NULL, "Time spent in other "
	    "operating systems when running in a virtualized environment" },
	[C_GUEST] = { "guest", COL_BIGINT, 0, NULL, "Time spent running a "
	    "virtual CPU for a guest OS under the control of the Linux "
	    "kernel" },
	[C_GUEST_NICE] = { "guest_nice", COL_BIGINT, 0, NULL,
	    "Time spent running a niced guest" },
};

static int
core_row(struct gen_ctx *ctx, const struct cpustat *cs)
{
	int i;

	row_begin(ctx);
	row_int(ctx, C_CORE, cs->core);
	/* The columns after core follow the kernel's order. */
	for (i = 0; i < CPUSTAT_MAX; i++)
		row_int(ctx, C_USER + i, cs->t[i] <= INT64_MAX ?
		    (int64_t)cs->t[i] : INT64_MAX);
	return row_end(ctx);
}

static int
cpu_time_generate(struct gen_ctx *ctx)
{
	struct cpustat cs;
	char *data = NULL;
	size_t len = 0, off = 0;
	int rc, malformed = 0;

	rc = collect_read_file(gen_collect(ctx), STAT_FILE, STAT_FILE_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", STAT_FILE, strerror(-rc));
		return 0;
	}
	while ((rc = cpustat_next(data, len, &off, &cs)) != 0) {
		if (rc == -1) {
			malformed++;
			continue;
		}
		if (core_row(ctx, &cs) == -1) {
			free(data);
			gen_error(ctx, "cpu_time: out of memory");
			return -1;
		}
	}
	free(data);
	if (malformed > 0)
		gen_warn(ctx, "%d malformed cpu lines in %s", malformed,
		    STAT_FILE);
	return 0;
}

const struct table table_cpu_time = {
	.name = "cpu_time",
	.description = "Displays information from /proc/stat file about the "
	    "time the cpu cores spent in different parts of the system.",
	.example = "SELECT core, user, system, idle, iowait FROM cpu_time",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = cpu_time_generate,
};

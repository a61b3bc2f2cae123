/*
 * uptime: time since boot, from /proc/uptime (which, unlike the boot time
 * subtracted from now, does not jump when the clock is set).
 */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "procfs.h"

enum {
	UP_DAYS,
	UP_HOURS,
	UP_MINUTES,
	UP_SECONDS,
	UP_TOTAL_SECONDS,
};

static const struct column uptime_columns[] = {
	{ "days", COL_INTEGER, 0, NULL, "Days of uptime" },
	{ "hours", COL_INTEGER, 0, NULL, "Hours of uptime" },
	{ "minutes", COL_INTEGER, 0, NULL, "Minutes of uptime" },
	{ "seconds", COL_INTEGER, 0, NULL, "Seconds of uptime" },
	{ "total_seconds", COL_BIGINT, 0, NULL, "Total uptime seconds" },
};

static int
uptime_generate(struct gen_ctx *ctx)
{
	char *data = NULL;
	size_t len = 0;
	uint64_t t;
	int rc;

	rc = collect_read_file(gen_collect(ctx), "/proc/uptime", 4096, &data,
	    &len);
	if (rc < 0) {
		gen_warn(ctx, "uptime: /proc/uptime: %s", strerror(-rc));
		return 0;
	}
	rc = procfs_parse_uptime(data, len, &t);
	free(data);
	if (rc == -1 || t > INT64_MAX) {
		gen_warn(ctx, "uptime: /proc/uptime does not parse");
		return 0;
	}
	row_begin(ctx);
	row_int(ctx, UP_DAYS, (int64_t)(t / 86400));
	row_int(ctx, UP_HOURS, (int64_t)(t % 86400 / 3600));
	row_int(ctx, UP_MINUTES, (int64_t)(t % 3600 / 60));
	row_int(ctx, UP_SECONDS, (int64_t)(t % 60));
	row_int(ctx, UP_TOTAL_SECONDS, (int64_t)t);
	if (row_end(ctx) == -1) {
		gen_error(ctx, "uptime: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_uptime = {
	.name = "uptime",
	.description = "Track time passed since last boot. Some systems "
	    "track this as calendar time, some as runtime.",
	.example = "SELECT days, hours, total_seconds FROM uptime",
	.columns = uptime_columns,
	.ncolumns = NCOLUMNS(uptime_columns),
	.generate = uptime_generate,
};

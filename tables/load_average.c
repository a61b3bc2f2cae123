/*
 * load_average: the 1, 5 and 15 minute load averages of /proc/loadavg,
 * one row each, as text with six decimals as osquery writes them.
 */
#include <stdlib.h>
#include <string.h>

#include "loadavg.h"
#include "table.h"

#define LOADAVG_FILE	"/proc/loadavg"
#define LOADAVG_CAP	4096

enum { C_PERIOD, C_AVERAGE };

static const struct column columns[] = {
	[C_PERIOD] = { "period", COL_TEXT, 0, NULL,
	    "Period over which the average is calculated." },
	[C_AVERAGE] = { "average", COL_TEXT, 0, NULL,
	    "Load average over the specified period." },
};

static const char *const periods[3] = { "1m", "5m", "15m" };

static int
load_average_generate(struct gen_ctx *ctx)
{
	char avg[3][LOADAVG_TEXT_MAX];
	char *data = NULL;
	size_t len = 0;
	int i, rc;

	rc = collect_read_file(gen_collect(ctx), LOADAVG_FILE, LOADAVG_CAP,
	    &data, &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", LOADAVG_FILE, strerror(-rc));
		return 0;
	}
	rc = loadavg_parse(data, len, avg);
	free(data);
	if (rc == -1) {
		gen_warn(ctx, "%s is malformed", LOADAVG_FILE);
		return 0;
	}
	for (i = 0; i < 3; i++) {
		row_begin(ctx);
		row_text(ctx, C_PERIOD, periods[i]);
		row_text(ctx, C_AVERAGE, avg[i]);
		if (row_end(ctx) == -1) {
			gen_error(ctx, "load_average: out of memory");
			return -1;
		}
	}
	return 0;
}

const struct table table_load_average = {
	.name = "load_average",
	.description = "Displays information about the system wide load "
	    "averages.",
	.example = "SELECT period, average FROM load_average",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = load_average_generate,
};

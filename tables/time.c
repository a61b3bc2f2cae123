/*
 * time: the current time, in UTC and the local zone's name.  The worker
 * loads the zone (tzset) before it is confined, so localtime_r needs no
 * file here.
 */
#include <string.h>
#include <time.h>

#include "table.h"
#include "timefmt.h"

enum {
	TM_WEEKDAY,
	TM_YEAR,
	TM_MONTH,
	TM_DAY,
	TM_HOUR,
	TM_MINUTES,
	TM_SECONDS,
	TM_TIMEZONE,
	TM_LOCAL_TIMEZONE,
	TM_UNIX_TIME,
	TM_TIMESTAMP,
	TM_DATETIME,
	TM_ISO_8601,
};

static const struct column time_columns[] = {
	{ "weekday", COL_TEXT, 0, NULL, "Current weekday in UTC" },
	{ "year", COL_INTEGER, 0, NULL, "Current year in UTC" },
	{ "month", COL_INTEGER, 0, NULL, "Current month in UTC" },
	{ "day", COL_INTEGER, 0, NULL, "Current day in UTC" },
	{ "hour", COL_INTEGER, 0, NULL, "Current hour in UTC" },
	{ "minutes", COL_INTEGER, 0, NULL, "Current minutes in UTC" },
	{ "seconds", COL_INTEGER, 0, NULL, "Current seconds in UTC" },
	{ "timezone", COL_TEXT, 0, NULL, "Timezone for reported time "
	    "(hardcoded to UTC)" },
	{ "local_timezone", COL_TEXT, 0, NULL, "Current local timezone "
	    "in of the system" },
	{ "unix_time", COL_INTEGER, 0, NULL, "Current UNIX time in UTC" },
	{ "timestamp", COL_TEXT, 0, NULL, "Current timestamp (log format) "
	    "in UTC" },
	{ "datetime", COL_TEXT, 0, NULL, "Current date and time (ISO "
	    "format) in UTC" },
	{ "iso_8601", COL_TEXT, 0, NULL, "Current time (ISO format) in "
	    "UTC" },
};

static int
time_generate(struct gen_ctx *ctx)
{
	struct timespec ts;
	struct tm utc, local;
	char buf[64];

	if (clock_gettime(CLOCK_REALTIME, &ts) == -1 ||
	    gmtime_r(&ts.tv_sec, &utc) == NULL) {
		gen_error(ctx, "time: cannot read the clock");
		return -1;
	}
	row_begin(ctx);
	row_text(ctx, TM_WEEKDAY, timefmt_weekday(utc.tm_wday));
	row_int(ctx, TM_YEAR, (int64_t)utc.tm_year + 1900);
	row_int(ctx, TM_MONTH, utc.tm_mon + 1);
	row_int(ctx, TM_DAY, utc.tm_mday);
	row_int(ctx, TM_HOUR, utc.tm_hour);
	row_int(ctx, TM_MINUTES, utc.tm_min);
	row_int(ctx, TM_SECONDS, utc.tm_sec);
	row_text(ctx, TM_TIMEZONE, "UTC");
	if (localtime_r(&ts.tv_sec, &local) != NULL && local.tm_zone != NULL)
		row_text(ctx, TM_LOCAL_TIMEZONE, local.tm_zone);
	row_int(ctx, TM_UNIX_TIME, (int64_t)ts.tv_sec);
	timefmt_asctime_utc(&utc, buf, sizeof(buf));
	row_text(ctx, TM_TIMESTAMP, buf);
	timefmt_iso8601(&utc, buf, sizeof(buf));
	row_text(ctx, TM_DATETIME, buf);
	row_text(ctx, TM_ISO_8601, buf);
	if (row_end(ctx) == -1) {
		gen_error(ctx, "time: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_time = {
	.name = "time",
	.description = "Track current date and time in UTC.",
	.example = "SELECT unix_time, datetime, local_timezone FROM time",
	.columns = time_columns,
	.ncolumns = NCOLUMNS(time_columns),
	.generate = time_generate,
};

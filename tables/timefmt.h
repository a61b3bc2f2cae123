/*
 * Locale-free formatting of broken-down times as osquery prints them.
 */
#ifndef HOSTQL_TABLES_TIMEFMT_H
#define HOSTQL_TABLES_TIMEFMT_H

#include <stddef.h>
#include <time.h>

/* "Thursday"; "" for a day out of range. */
const char	*timefmt_weekday(int wday);
/* "Thu Nov  5 08:17:25 2026 UTC", as asctime(3) with the zone. */
int		 timefmt_asctime_utc(const struct tm *, char *, size_t);
/* "2026-11-05T08:17:25Z" */
int		 timefmt_iso8601(const struct tm *, char *, size_t);

#endif

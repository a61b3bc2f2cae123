/*
 * Time formatting (tables/timefmt.h).  The times come from gmtime_r() of
 * any 64-bit time, as a file's timestamps may be anything, and from
 * broken-down fields out of their usual ranges (but within what a
 * struct tm from the C library can hold), into buffers of every size.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "../tables/timefmt.h"
#include "fuzz.h"

static void
format(const struct tm *tm, size_t len)
{
	char out[80];

	memset(out, 'x', sizeof(out));
	(void)timefmt_weekday(tm->tm_wday);
	(void)timefmt_asctime_utc(tm, out, len);
	if (len > 0)
		CHECK(memchr(out, '\0', len) != NULL);
	memset(out, 'x', sizeof(out));
	(void)timefmt_iso8601(tm, out, len);
	if (len > 0)
		CHECK(memchr(out, '\0', len) != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int16_t f[8];
	int64_t t;
	time_t tt;
	struct tm tm;
	size_t len;

	if (size < 1 + sizeof(t))
		return 0;
	len = data[0] % 81;
	memcpy(&t, data + 1, sizeof(t));
	tt = (time_t)t;
	if (gmtime_r(&tt, &tm) != NULL)
		format(&tm, len);
	if (size < 1 + sizeof(t) + sizeof(f))
		return 0;
	memcpy(f, data + 1 + sizeof(t), sizeof(f));
	memset(&tm, 0, sizeof(tm));
	tm.tm_sec = f[0];
	tm.tm_min = f[1];
	tm.tm_hour = f[2];
	tm.tm_mday = f[3];
	tm.tm_mon = f[4];
	tm.tm_year = f[5];
	tm.tm_wday = f[6];
	tm.tm_yday = f[7];
	format(&tm, len);
	return 0;
}

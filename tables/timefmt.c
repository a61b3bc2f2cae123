/*
 * The names are spelled out here rather than taken from strftime(3) so
 * that the worker's locale can never change a result.
 */
#include <stdio.h>

#include "timefmt.h"

static const char *const weekdays[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday",
};

static const char *const months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec",
};

const char *
timefmt_weekday(int wday)
{
	return wday >= 0 && wday < 7 ? weekdays[wday] : "";
}

int
timefmt_asctime_utc(const struct tm *tm, char *out, size_t outsz)
{
	const char *mon = tm->tm_mon >= 0 && tm->tm_mon < 12 ?
	    months[tm->tm_mon] : "???";

	return snprintf(out, outsz, "%.3s %s %2d %02d:%02d:%02d %lld UTC",
	    timefmt_weekday(tm->tm_wday), mon, tm->tm_mday, tm->tm_hour,
	    tm->tm_min, tm->tm_sec, (long long)tm->tm_year + 1900);
}

int
timefmt_iso8601(const struct tm *tm, char *out, size_t outsz)
{
	return snprintf(out, outsz, "%04lld-%02d-%02dT%02d:%02d:%02dZ",
	    (long long)tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
	    tm->tm_hour, tm->tm_min, tm->tm_sec);
}

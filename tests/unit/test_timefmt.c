/*
 * The time table's text columns, on fixed instants.
 */
#include <check.h>
#include <string.h>
#include <time.h>

#include "../../tables/timefmt.h"

START_TEST(formats)
{
	struct tm tm;
	time_t t = 1795681013;		/* a Thursday in November 2026 */
	char buf[64];

	ck_assert_ptr_nonnull(gmtime_r(&t, &tm));
	ck_assert_str_eq(timefmt_weekday(tm.tm_wday), "Thursday");
	timefmt_asctime_utc(&tm, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Thu Nov 26 08:16:53 2026 UTC");
	timefmt_iso8601(&tm, buf, sizeof(buf));
	ck_assert_str_eq(buf, "2026-11-26T08:16:53Z");

	t = 0;
	gmtime_r(&t, &tm);
	timefmt_asctime_utc(&tm, buf, sizeof(buf));
	ck_assert_str_eq(buf, "Thu Jan  1 00:00:00 1970 UTC");
	ck_assert_str_eq(timefmt_weekday(7), "");
	ck_assert_str_eq(timefmt_weekday(-1), "");
	ck_assert_int_gt(timefmt_iso8601(&tm, buf, 4), 4);
	ck_assert_str_eq(buf, "197");
}
END_TEST

Suite	*suite_timefmt(void);

Suite *
suite_timefmt(void)
{
	Suite *s = suite_create("timefmt");
	TCase *tc = tcase_create("format");

	tcase_add_test(tc, formats);
	suite_add_tcase(s, tc);
	return s;
}

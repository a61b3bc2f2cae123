/*
 * /proc/loadavg to osquery's six-decimal text: the live file, numbers
 * without or with more decimals, and what is not a load average.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/loadavg.h"
#include "fixture.h"

START_TEST(loadavg_live)
{
	char avg[3][LOADAVG_TEXT_MAX];
	size_t len;
	char *buf = fixture_load("loadavg", "loadavg", &len);

	ck_assert_int_eq(loadavg_parse(buf, len, avg), 0);
	ck_assert_str_eq(avg[0], "4.030000");
	ck_assert_str_eq(avg[1], "2.590000");
	ck_assert_str_eq(avg[2], "1.930000");
	free(buf);
}
END_TEST

START_TEST(loadavg_forms)
{
	static const char big[] = "99999999999999999999.99 0.00 1";
	char avg[3][LOADAVG_TEXT_MAX];

	ck_assert_int_eq(loadavg_parse("1 2. 0.1234567", 14, avg), 0);
	ck_assert_str_eq(avg[0], "1.000000");
	ck_assert_str_eq(avg[1], "2.000000");
	ck_assert_str_eq(avg[2], "0.123456");
	ck_assert_int_eq(loadavg_parse(big, sizeof(big) - 1, avg), 0);
	ck_assert_str_eq(avg[0], "99999999999999999999.990000");
	ck_assert_str_eq(avg[1], "0.000000");
}
END_TEST

START_TEST(loadavg_malformed)
{
	static const char *const bad[] = {
		"", "1.0 2.0", "a 1 2", "1.2.3 1 1", "-1 1 1", ".5 1 1",
		"1.0\n2.0 3.0", "1,5 1 1", "1 1 1x",
		"123456789012345678901 1 1",
	};
	char avg[3][LOADAVG_TEXT_MAX];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(loadavg_parse(bad[i], strlen(bad[i]), avg) == -1,
		    "accepted: %s", bad[i]);
	ck_assert_int_eq(loadavg_parse(NULL, 0, avg), -1);
}
END_TEST

Suite	*suite_loadavg(void);

Suite *
suite_loadavg(void)
{
	Suite *s = suite_create("loadavg");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, loadavg_live);
	tcase_add_test(tc, loadavg_forms);
	tcase_add_test(tc, loadavg_malformed);
	suite_add_tcase(s, tc);
	return s;
}

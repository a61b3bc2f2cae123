/*
 * The cpuN lines of /proc/stat: a live file, the shorter lines of older
 * kernels, and lines that are not counters.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/cpustat.h"
#include "fixture.h"

START_TEST(cpustat_live)
{
	struct cpustat cs;
	size_t len, off = 0;
	char *buf = fixture_load("cpustat", "stat", &len);

	ck_assert_int_eq(cpustat_next(buf, len, &off, &cs), 1);
	ck_assert_int_eq(cs.core, 0);
	ck_assert_uint_eq(cs.t[CPUSTAT_USER], 74904);
	ck_assert_uint_eq(cs.t[CPUSTAT_NICE], 380);
	ck_assert_uint_eq(cs.t[CPUSTAT_SYSTEM], 23925);
	ck_assert_uint_eq(cs.t[CPUSTAT_IDLE], 221714);
	ck_assert_uint_eq(cs.t[CPUSTAT_IOWAIT], 225);
	ck_assert_uint_eq(cs.t[CPUSTAT_SOFTIRQ], 40);
	ck_assert_uint_eq(cs.t[CPUSTAT_STEAL], 134);
	ck_assert_uint_eq(cs.t[CPUSTAT_GUEST_NICE], 0);
	ck_assert_int_eq(cpustat_next(buf, len, &off, &cs), 1);
	ck_assert_int_eq(cs.core, 1);
	ck_assert_uint_eq(cs.t[CPUSTAT_USER], 115545);
	ck_assert_int_eq(cpustat_next(buf, len, &off, &cs), 0);
	free(buf);
}
END_TEST

START_TEST(cpustat_old_and_malformed)
{
	static const int want[] = { 1, -1, -1, -1, 1, 1, 0 };
	struct cpustat cs;
	size_t len, off = 0, i;
	char *buf = fixture_load("cpustat", "stat-old-and-malformed", &len);

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		ck_assert_msg(cpustat_next(buf, len, &off, &cs) == want[i],
		    "result %zu", i);
		if (i == 0) {
			/* Seven times: steal and the guests are 0. */
			ck_assert_int_eq(cs.core, 0);
			ck_assert_uint_eq(cs.t[CPUSTAT_SOFTIRQ], 7);
			ck_assert_uint_eq(cs.t[CPUSTAT_STEAL], 0);
		}
		if (i == 4) {
			ck_assert_int_eq(cs.core, 3);
			ck_assert_uint_eq(cs.t[CPUSTAT_STEAL], 8);
		}
		if (i == 5) {
			ck_assert_int_eq(cs.core, 4);
			ck_assert(cs.t[CPUSTAT_USER] == UINT64_MAX);
		}
	}
	free(buf);

	off = 0;
	ck_assert_int_eq(cpustat_next(NULL, 0, &off, &cs), 0);
	off = 0;
	ck_assert_int_eq(cpustat_next("cpu99999999999 1 2 3 4 5 6 7", 28,
	    &off, &cs), -1);
	off = 0;
	ck_assert_int_eq(cpustat_next("cpu", 3, &off, &cs), 0);
}
END_TEST

Suite	*suite_cpustat(void);

Suite *
suite_cpustat(void)
{
	Suite *s = suite_create("cpustat");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, cpustat_live);
	tcase_add_test(tc, cpustat_old_and_malformed);
	suite_add_tcase(s, tc);
	return s;
}

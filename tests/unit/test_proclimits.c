/*
 * /proc/<pid>/limits: the limits of a shell's child, the same under
 * prlimit(1), and lines that are cut, misnamed or hold no number.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/proclimits.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

START_TEST(limits_cat)
{
	struct proclimit_value v[LIMIT_MAX];
	size_t len;
	char *buf = fixture_load("proclimits", "cat.limits", &len);

	ck_assert_int_eq(proclimits_parse(buf, len, v), LIMIT_MAX);
	ck_assert(span_is(v[LIMIT_NOFILE].soft, "20000"));
	ck_assert(span_is(v[LIMIT_NOFILE].hard, "20000"));
	ck_assert(span_is(v[LIMIT_STACK].soft, "8388608"));
	ck_assert(span_is(v[LIMIT_STACK].hard, "unlimited"));
	ck_assert(span_is(v[LIMIT_CORE].soft, "0"));
	ck_assert(span_is(v[LIMIT_NICE].soft, "0"));
	ck_assert(span_is(v[LIMIT_RTPRIO].hard, "0"));
	ck_assert(span_is(v[LIMIT_MSGQUEUE].hard, "819200"));
	free(buf);
}
END_TEST

START_TEST(limits_prlimit)
{
	struct proclimit_value v[LIMIT_MAX];
	size_t len;
	char *buf = fixture_load("proclimits", "prlimit.limits", &len);

	ck_assert_int_eq(proclimits_parse(buf, len, v), LIMIT_MAX);
	ck_assert(span_is(v[LIMIT_NOFILE].soft, "100"));
	ck_assert(span_is(v[LIMIT_NOFILE].hard, "200"));
	ck_assert(span_is(v[LIMIT_NPROC].soft, "7"));
	ck_assert(span_is(v[LIMIT_NPROC].hard, "7"));
	ck_assert(span_is(v[LIMIT_CORE].soft, "unlimited"));
	ck_assert(span_is(v[LIMIT_STACK].soft, "unlimited"));
	free(buf);
}
END_TEST

START_TEST(limits_malformed)
{
	struct proclimit_value v[LIMIT_MAX];
	size_t len;
	char *buf = fixture_load("proclimits", "malformed.limits", &len);
	int r;

	/* cpu, the first of two nofile lines, nice. */
	ck_assert_int_eq(proclimits_parse(buf, len, v), 3);
	ck_assert(span_is(v[LIMIT_CPU].soft, "unlimited"));
	ck_assert(span_is(v[LIMIT_NOFILE].soft, "1024"));
	ck_assert(span_is(v[LIMIT_NOFILE].hard, "524288"));
	ck_assert(span_is(v[LIMIT_NICE].hard, "0"));
	for (r = 0; r < LIMIT_MAX; r++)
		if (r != LIMIT_CPU && r != LIMIT_NOFILE && r != LIMIT_NICE)
			ck_assert_uint_eq(v[r].soft.len, 0);
	free(buf);

	ck_assert_int_eq(proclimits_parse(NULL, 0, v), 0);
	ck_assert_int_eq(proclimits_parse("Max cpu time", 12, v), 0);
	ck_assert_int_eq(proclimits_parse("Max cpu time 1", 14, v), 0);
	ck_assert_int_eq(proclimits_parse("Max cpu time 1 2", 16, v), 1);
	ck_assert_int_eq(proclimits_parse(
	    "Max cpu time 1 18446744073709551616", 35, v), 0);
}
END_TEST

START_TEST(limits_names)
{
	ck_assert_str_eq(proclimits_name(LIMIT_AS), "as");
	ck_assert_str_eq(proclimits_name(LIMIT_NOFILE), "nofile");
	ck_assert_str_eq(proclimits_name(LIMIT_SIGPENDING), "sigpending");
	ck_assert_ptr_null(proclimits_name(LIMIT_MAX));
	ck_assert_ptr_null(proclimits_name((enum proclimit)-1));
}
END_TEST

Suite	*suite_proclimits(void);

Suite *
suite_proclimits(void)
{
	Suite *s = suite_create("proclimits");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, limits_cat);
	tcase_add_test(tc, limits_prlimit);
	tcase_add_test(tc, limits_malformed);
	tcase_add_test(tc, limits_names);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * The string set: each string once, indexes that stay put while the
 * table grows, lookups of strings that share a prefix or are empty.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../../tables/pathset.h"

START_TEST(pathset_dedup)
{
	struct pathset ps;
	char s[32];
	int64_t idx[2000];
	int i;

	memset(&ps, 0, sizeof(ps));
	for (i = 0; i < 2000; i++) {
		snprintf(s, sizeof(s), "/proc/%d/x", i);
		idx[i] = pathset_add(&ps, s, strlen(s));
		ck_assert_int_eq(idx[i], i);
	}
	/* Adding them again, after many rehashes, finds the same ones. */
	for (i = 1999; i >= 0; i--) {
		snprintf(s, sizeof(s), "/proc/%d/x", i);
		ck_assert_int_eq(pathset_add(&ps, s, strlen(s)), idx[i]);
		ck_assert_str_eq(pathset_get(&ps, (size_t)idx[i]), s);
	}
	ck_assert_uint_eq(ps.n, 2000);
	ck_assert_ptr_null(pathset_get(&ps, 2000));
	pathset_free(&ps);
	ck_assert_uint_eq(ps.n, 0);
}
END_TEST

START_TEST(pathset_prefixes)
{
	struct pathset ps;

	memset(&ps, 0, sizeof(ps));
	ck_assert_int_eq(pathset_add(&ps, "/dev/null", 9), 0);
	/* Only the first 4 bytes: a different string. */
	ck_assert_int_eq(pathset_add(&ps, "/dev/null", 4), 1);
	ck_assert_str_eq(pathset_get(&ps, 1), "/dev");
	ck_assert_int_eq(pathset_add(&ps, "", 0), 2);
	ck_assert_int_eq(pathset_add(&ps, "", 0), 2);
	ck_assert_str_eq(pathset_get(&ps, 2), "");
	ck_assert_int_eq(pathset_add(&ps, "/dev/null", 9), 0);
	pathset_free(&ps);
	pathset_free(&ps);
}
END_TEST

Suite	*suite_pathset(void);

Suite *
suite_pathset(void)
{
	Suite *s = suite_create("pathset");
	TCase *tc = tcase_create("set");

	tcase_add_test(tc, pathset_dedup);
	tcase_add_test(tc, pathset_prefixes);
	suite_add_tcase(s, tc);
	return s;
}

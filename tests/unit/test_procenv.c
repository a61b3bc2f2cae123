/*
 * environ files: one written by env -i, and what a process may leave in
 * its environment area (no '=', empty key, empty strings, no final NUL).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/procenv.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

START_TEST(environ_env_i)
{
	struct span k, v;
	size_t len, off = 0;
	char *buf = fixture_load("procenv", "env-i.environ", &len);

	ck_assert_int_eq(procenv_next(buf, len, &off, &k, &v), 1);
	ck_assert(span_is(k, "A") && span_is(v, "1"));
	ck_assert_int_eq(procenv_next(buf, len, &off, &k, &v), 1);
	ck_assert(span_is(k, "B") && span_is(v, ""));
	ck_assert_int_eq(procenv_next(buf, len, &off, &k, &v), 1);
	ck_assert(span_is(k, "C") && span_is(v, "x=y"));
	ck_assert_int_eq(procenv_next(buf, len, &off, &k, &v), 1);
	ck_assert(span_is(k, "PATH") && span_is(v, "/usr/bin:/bin"));
	ck_assert_int_eq(procenv_next(buf, len, &off, &k, &v), 0);
	ck_assert_uint_eq(off, len);
	free(buf);
}
END_TEST

START_TEST(environ_odd)
{
	static const char odd[] = "\0\0NOEQ\0=v\0\0K=V";
	struct span k, v;
	size_t off = 0;

	ck_assert_int_eq(procenv_next(odd, sizeof(odd) - 1, &off, &k, &v), 1);
	ck_assert(span_is(k, "NOEQ") && v.len == 0);
	ck_assert_int_eq(procenv_next(odd, sizeof(odd) - 1, &off, &k, &v), 1);
	ck_assert(k.len == 0 && span_is(v, "v"));
	ck_assert_int_eq(procenv_next(odd, sizeof(odd) - 1, &off, &k, &v), 1);
	ck_assert(span_is(k, "K") && span_is(v, "V"));
	ck_assert_int_eq(procenv_next(odd, sizeof(odd) - 1, &off, &k, &v), 0);

	off = 0;
	ck_assert_int_eq(procenv_next(NULL, 0, &off, &k, &v), 0);
	ck_assert_int_eq(procenv_next("", 0, &off, &k, &v), 0);
	off = 0;
	ck_assert_int_eq(procenv_next("\0\0\0", 3, &off, &k, &v), 0);
	ck_assert_uint_eq(off, 3);
}
END_TEST

Suite	*suite_procenv(void);

Suite *
suite_procenv(void)
{
	Suite *s = suite_create("procenv");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, environ_env_i);
	tcase_add_test(tc, environ_odd);
	suite_add_tcase(s, tc);
	return s;
}

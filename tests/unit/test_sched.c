/*
 * The running schedule's look-ups.  A reload moves the entries of the
 * old schedule to the new one one by one, leaving each moved entry
 * without a name: finding the next query must step over those, not
 * crash on them.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../worker/sched.h"

static void
sched_of(struct sched *s, const char *const *names, size_t n)
{
	size_t i;

	s->e = calloc(n, sizeof(*s->e));
	ck_assert_ptr_nonnull(s->e);
	s->n = n;
	for (i = 0; i < n; i++) {
		s->e[i].name = strdup(names[i]);
		s->e[i].sql = strdup("SELECT 1");
		ck_assert(s->e[i].name != NULL && s->e[i].sql != NULL);
	}
}

START_TEST(sched_find_names)
{
	static const char *const names[] = { "a", "b", "c" };
	struct sched s;

	sched_of(&s, names, 3);
	ck_assert_ptr_eq(sched_find(&s, "a"), &s.e[0]);
	ck_assert_ptr_eq(sched_find(&s, "c"), &s.e[2]);
	ck_assert_ptr_null(sched_find(&s, "d"));
	ck_assert_ptr_null(sched_find(&s, ""));
	sched_free(&s);
	ck_assert_uint_eq(s.n, 0);
}
END_TEST

/* As a reload leaves the old schedule: the first two moved away. */
START_TEST(sched_find_after_moves)
{
	static const char *const names[] = { "a", "b", "c" };
	struct sched s;
	size_t i;

	sched_of(&s, names, 3);
	for (i = 0; i < 2; i++) {
		free(s.e[i].name);
		free(s.e[i].sql);
		s.e[i].name = s.e[i].sql = NULL;
	}
	ck_assert_ptr_null(sched_find(&s, "a"));
	ck_assert_ptr_null(sched_find(&s, "b"));
	ck_assert_ptr_eq(sched_find(&s, "c"), &s.e[2]);
	ck_assert_ptr_null(sched_find(&s, "d"));
	sched_free(&s);
}
END_TEST

Suite	*suite_sched(void);

Suite *
suite_sched(void)
{
	Suite *s = suite_create("sched");
	TCase *tc = tcase_create("find");

	tcase_add_test(tc, sched_find_names);
	tcase_add_test(tc, sched_find_after_moves);
	suite_add_tcase(s, tc);
	return s;
}

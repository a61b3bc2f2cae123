/* Blank-separated words: runs of spaces and tabs, ends, empty input. */
#include <check.h>
#include <string.h>

#include "../../tables/words.h"

START_TEST(words_split)
{
	struct span s = { " \tab  c\td \t", 11 }, w;

	ck_assert_int_eq(word_next(&s, &w), 1);
	ck_assert_uint_eq(w.len, 2);
	ck_assert_int_eq(memcmp(w.p, "ab", 2), 0);
	ck_assert_int_eq(word_next(&s, &w), 1);
	ck_assert_int_eq(w.p[0], 'c');
	ck_assert_int_eq(word_next(&s, &w), 1);
	ck_assert_int_eq(w.p[0], 'd');
	ck_assert_uint_eq(w.len, 1);
	ck_assert_int_eq(word_next(&s, &w), 0);
	ck_assert_int_eq(word_next(&s, &w), 0);

	s.p = NULL;
	s.len = 0;
	ck_assert_int_eq(word_next(&s, &w), 0);
	s.p = "x\n";
	s.len = 2;
	ck_assert_int_eq(word_next(&s, &w), 1);
	ck_assert_uint_eq(w.len, 2);
	s = word_skip_blanks((struct span){ "  a b", 5 });
	ck_assert_uint_eq(s.len, 3);
}
END_TEST

Suite	*suite_words(void);

Suite *
suite_words(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("split");

	tcase_add_test(tc, words_split);
	suite_add_tcase(s, tc);
	return s;
}

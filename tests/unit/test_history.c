/*
 * Shell histories: bash with HISTTIMEFORMAT ("#<epoch>" lines, two in a
 * row, a last one with no command), zsh's extended format (spaces,
 * durations, lines that only look like it) and its metafied bytes.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/history_parse.h"
#include "fixture.h"

struct want {
	int64_t		 time;
	const char	*command;
};

static void
check_file(const char *name, int zsh, const struct want *w, size_t nwant)
{
	struct history_state st = { 0, 0 };
	struct history_entry e;
	struct span line;
	size_t len, off = 0, n = 0, l;
	char *buf = fixture_load("history", name, &len);
	char *plain = malloc(len + 1);

	ck_assert_ptr_nonnull(plain);
	while (txt_next_line(buf, len, &off, &line)) {
		if (!history_parse_line(&st, line, &e))
			continue;
		ck_assert_uint_lt(n, nwant);
		ck_assert_int_eq(e.time, w[n].time);
		if (zsh) {
			l = history_unmeta(e.command, plain);
			ck_assert_uint_le(l, e.command.len);
		} else {
			l = e.command.len;
			memcpy(plain, e.command.p, l);
		}
		plain[l] = '\0';
		ck_assert_str_eq(plain, w[n].command);
		n++;
	}
	ck_assert_uint_eq(n, nwant);
	free(plain);
	free(buf);
}

START_TEST(bash)
{
	static const struct want w[] = {
		{ 0, "ls -la" },
		{ 1600000000, "cd /tmp" },
		{ 1600000100, "#1600000200" },
		{ 0, "echo two stamps" },
		{ 0, "#notatime" },
		{ 0, "#99999999999999999999" },
		{ 0, "git status" },
	};

	check_file("bash_history", 0, w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(zsh)
{
	static const struct want w[] = {
		{ 1600000000, "ls -la" },
		{ 1600000010, "echo voil\xc3\xa0 \xc4\x8d" },
		{ 1600000020, "multi \\" },
		{ 0, "line continued" },
		{ 1600000030, "no space" },
		{ 0, ": 123456789012:0;too many digits" },
		{ 0, ": 1600000040:x;bad duration" },
		{ 0, "plain command" },
		{ 1600000050, "" },
		{ 1600000060, "trailing meta " },
	};

	check_file("zsh_history", 1, w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(zsh_spaces)
{
	struct history_state st = { 0, 0 };
	struct history_entry e;
	struct span s;

	s.p = ":          1:0;ten spaces";
	s.len = strlen(s.p);
	ck_assert_int_eq(history_parse_line(&st, s, &e), 1);
	ck_assert_int_eq(e.time, 1);
	s.p = ":           1:0;eleven spaces";
	s.len = strlen(s.p);
	ck_assert_int_eq(history_parse_line(&st, s, &e), 1);
	ck_assert_int_eq(e.time, 0);
	ck_assert_uint_eq(e.command.len, s.len);
	s.p = ":";
	s.len = 1;
	ck_assert_int_eq(history_parse_line(&st, s, &e), 1);
	ck_assert_int_eq(e.time, 0);
	s.len = 0;
	ck_assert_int_eq(history_parse_line(&st, s, &e), 1);
	ck_assert_uint_eq(e.command.len, 0);
}
END_TEST

Suite	*suite_history(void);

Suite *
suite_history(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, bash);
	tcase_add_test(tc, zsh);
	tcase_add_test(tc, zsh_spaces);
	suite_add_tcase(s, tc);
	return s;
}

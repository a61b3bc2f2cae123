/*
 * /etc/passwd and /etc/group lines: the files of this system as captured,
 * and every kind of line the C library skips.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/passwd.h"
#include "fixture.h"

static char *
fixture(const char *name, size_t *len)
{
	return fixture_load("etc", name, len);
}

static struct span
sp(const char *s)
{
	struct span v = { s, strlen(s) };

	return v;
}

START_TEST(passwd_system)
{
	struct passwd_line pw;
	struct span line;
	size_t len, off = 0;
	int lines = 0, parsed = 0, root = 0;
	char *buf = fixture("passwd", &len);

	while (txt_next_line(buf, len, &off, &line)) {
		lines++;
		if (passwd_parse_line(line, &pw) == -1)
			continue;
		parsed++;
		if (txt_eq(pw.name, "root")) {
			root = 1;
			ck_assert_uint_eq(pw.uid, 0);
			ck_assert_uint_eq(pw.gid, 0);
			ck_assert(txt_eq(pw.dir, "/root"));
		}
	}
	ck_assert_int_eq(parsed, lines);
	ck_assert_int_gt(parsed, 3);
	ck_assert_int_eq(root, 1);
	free(buf);
}
END_TEST

START_TEST(passwd_malformed)
{
	struct passwd_line pw;
	struct span line;
	size_t len, off = 0;
	char names[16][32];
	int n = 0;
	char *buf = fixture("passwd-malformed", &len);

	while (txt_next_line(buf, len, &off, &line)) {
		if (passwd_parse_line(line, &pw) == -1)
			continue;
		ck_assert_int_lt(n, 16);
		snprintf(names[n++], sizeof(names[0]), "%.*s",
		    (int)pw.name.len, pw.name.p);
		if (txt_eq(pw.name, "maxuid")) {
			ck_assert_uint_eq(pw.uid, 4294967295u);
			ck_assert_uint_eq(pw.gid, 4294967294u);
			ck_assert(txt_eq(pw.gecos, "Max, Room 1"));
			ck_assert(txt_eq(pw.shell, "/usr/sbin/nologin"));
		}
		if (txt_eq(pw.name, "crlf2"))
			ck_assert(txt_eq(pw.shell, "/bin/sh"));
		if (txt_eq(pw.name, "last"))
			ck_assert(txt_eq(pw.shell, "/bin/sh"));
	}
	ck_assert_int_eq(n, 6);
	ck_assert_str_eq(names[0], "root");
	ck_assert_str_eq(names[1], "maxuid");
	ck_assert_str_eq(names[2], "crlf");
	ck_assert_str_eq(names[3], "nonl");
	ck_assert_str_eq(names[4], "crlf2");
	ck_assert_str_eq(names[5], "last");
	free(buf);

	ck_assert_int_eq(passwd_parse_line(sp(""), &pw), -1);
	ck_assert_int_eq(passwd_parse_line(sp("::::::"), &pw), -1);
	ck_assert_int_eq(passwd_parse_line(sp("a:x:1:1:::"), &pw), 0);
	ck_assert_uint_eq(pw.shell.len, 0);
	ck_assert_int_eq(passwd_parse_line(sp("a:x:1 :1:::"), &pw), -1);
	ck_assert_int_eq(passwd_parse_line(sp("a:x:+1:1:::"), &pw), -1);
}
END_TEST

START_TEST(group_lines)
{
	struct group_line gr;
	struct span line;
	size_t len, off = 0;
	int lines = 0, parsed = 0;
	char *buf = fixture("group", &len);

	while (txt_next_line(buf, len, &off, &line)) {
		lines++;
		if (group_parse_line(line, &gr) == 0)
			parsed++;
	}
	ck_assert_int_eq(parsed, lines);
	free(buf);

	buf = fixture("group-malformed", &len);
	off = 0;
	parsed = 0;
	while (txt_next_line(buf, len, &off, &line)) {
		if (group_parse_line(line, &gr) == -1)
			continue;
		parsed++;
		if (txt_eq(gr.name, "sudo")) {
			ck_assert_uint_eq(gr.gid, 27);
			ck_assert(txt_eq(gr.members, "alice,bob"));
		}
		if (txt_eq(gr.name, "nobody"))
			ck_assert_uint_eq(gr.gid, 65534);
	}
	ck_assert_int_eq(parsed, 3);
	free(buf);
}
END_TEST

Suite	*suite_passwd(void);

Suite *
suite_passwd(void)
{
	Suite *s = suite_create("passwd");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, passwd_system);
	tcase_add_test(tc, passwd_malformed);
	tcase_add_test(tc, group_lines);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * /etc/shadow lines as privd hands them over (the password field cut to
 * its method), as the file holds them (made-up hashes: only the prefix
 * may come out), and lines the C library would skip.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/shadow_parse.h"
#include "fixture.h"

struct want {
	const char	*name;
	const char	*status;
	const char	*alg;
	int64_t		 last_change, min, max, warning, inactive, expire;
};

static void
check_file(const char *name, const struct want *w, size_t nwant)
{
	struct shadow_line sp;
	struct span line;
	size_t len, off = 0, n = 0;
	char *buf = fixture_load("shadow", name, &len), alg[32];

	while (txt_next_line(buf, len, &off, &line)) {
		if (shadow_parse_line(line, &sp) == -1)
			continue;
		ck_assert_uint_lt(n, nwant);
		ck_assert_msg(txt_eq(sp.name, w[n].name), "line %zu: %.*s", n,
		    (int)sp.name.len, sp.name.p);
		ck_assert_str_eq(shadow_status_name(sp.status), w[n].status);
		snprintf(alg, sizeof(alg), "%.*s", (int)sp.hash_alg.len,
		    sp.hash_alg.p);
		ck_assert_str_eq(alg, w[n].alg);
		ck_assert_int_eq(sp.last_change, w[n].last_change);
		ck_assert_int_eq(sp.min, w[n].min);
		ck_assert_int_eq(sp.max, w[n].max);
		ck_assert_int_eq(sp.warning, w[n].warning);
		ck_assert_int_eq(sp.inactive, w[n].inactive);
		ck_assert_int_eq(sp.expire, w[n].expire);
		ck_assert_int_eq(sp.flag, -1);
		n++;
	}
	ck_assert_uint_eq(n, nwant);
	free(buf);
}

START_TEST(redacted)
{
	static const struct want w[] = {
		{ "root", "locked", "", 20228, 0, 99999, 7, -1, -1 },
		{ "daemon", "locked", "", 20228, 0, 99999, 7, -1, -1 },
		{ "alice", "active", "y", 20300, 0, 99999, 7, -1, -1 },
		{ "bob", "active", "6", 20301, 1, 90, 14, 30, 20500 },
		{ "carol", "locked", "6", 20302, 0, 99999, 7, -1, -1 },
		{ "dave", "locked", "", 20303, -1, -1, -1, -1, -1 },
		{ "erin", "empty", "", 20304, 0, 99999, 7, -1, -1 },
		{ "frank", "not_set", "", 20305, 0, 99999, 7, -1, -1 },
		{ "grace", "active", "", 20306, 0, 99999, 7, -1, -1 },
		{ "heidi", "locked", "", 20307, 0, 99999, 7, -1, -1 },
		{ "ivan", "active", "2b", 20308, 0, 99999, 7, -1, -1 },
		{ "judy", "locked", "1", 20309, 0, 99999, 7, -1, -1 },
		{ "olduser", "locked", "", -1, -1, -1, -1, -1, -1 },
	};

	check_file("shadow-redacted", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(full_hashes)
{
	static const struct want w[] = {
		{ "alice", "active", "y", 20300, 0, 99999, 7, -1, -1 },
		{ "bob", "active", "6", 20301, 0, 99999, 7, -1, -1 },
		{ "carol", "locked", "6", 20302, 0, 99999, 7, -1, -1 },
		{ "dave", "active", "", 20303, 0, 99999, 7, -1, -1 },
		{ "erin", "active", "argon2id", 20304, 0, 99999, 7, -1, -1 },
	};

	check_file("shadow-full", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(malformed)
{
	static const struct want w[] = {
		{ "crlf", "active", "5", 20310, 0, 99999, 7, -1, -1 },
		{ "neg", "active", "6", -1, 0, 99999, 7, -1, -1 },
		{ "dollar", "active", "", 1, 0, 99999, 7, -1, -1 },
		{ "twodollars", "active", "", 1, 0, 99999, 7, -1, -1 },
		{ "badid", "active", "", 1, 0, 99999, 7, -1, -1 },
		{ "crlf2", "active", "5", 20311, 0, 99999, 7, -1, -1 },
	};

	check_file("shadow-malformed", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

/* The spans of a parsed line lie in it, and the method never reaches
 * past the second '$'. */
START_TEST(method_only)
{
	static const char line[] = "x:$6$salt$hashhash:1:2:3:4:5:6:7";
	struct span s = { line, sizeof(line) - 1 };
	struct shadow_line sp;

	ck_assert_int_eq(shadow_parse_line(s, &sp), 0);
	ck_assert(txt_eq(sp.hash_alg, "6"));
	ck_assert_ptr_eq(sp.hash_alg.p, line + 3);
	ck_assert_int_eq(sp.flag, 7);
	s.len = 0;
	ck_assert_int_eq(shadow_parse_line(s, &sp), -1);
}
END_TEST

Suite	*suite_shadow(void);

Suite *
suite_shadow(void)
{
	Suite *s = suite_create("shadow");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, redacted);
	tcase_add_test(tc, full_hashes);
	tcase_add_test(tc, malformed);
	tcase_add_test(tc, method_only);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * sudoers(5) text: Debian's /etc/sudoers as shipped, and the edge cases
 * (continued lines, "#uid" users, quoted and relative includes, include
 * directives that name nothing).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/sudoers_parse.h"
#include "fixture.h"

struct want {
	enum sudoers_kind	 kind;
	const char		*header;
	const char		*details;
};

static void
check_file(const char *name, const struct want *w, size_t nwant)
{
	struct sudoers_entry e;
	size_t len, off = 0, n = 0;
	char *buf = fixture_load("sudoers", name, &len);
	char *out = malloc(len + 1), h[256], d[512];

	ck_assert_ptr_nonnull(out);
	while (sudoers_next(buf, len, &off, out, &e)) {
		ck_assert_uint_lt(n, nwant);
		snprintf(h, sizeof(h), "%.*s", (int)e.header.len, e.header.p);
		snprintf(d, sizeof(d), "%.*s", (int)e.details.len,
		    e.details.p);
		ck_assert_int_eq(e.kind, w[n].kind);
		if (e.kind == SUDOERS_RULE)
			ck_assert_str_eq(h, w[n].header);
		ck_assert_str_eq(d, w[n].details);
		ck_assert(e.details.p >= out && e.details.p + e.details.len <=
		    out + len);
		n++;
	}
	ck_assert_uint_eq(n, nwant);
	ck_assert_uint_eq(off, len);
	free(out);
	free(buf);
}

START_TEST(debian)
{
	static const struct want w[] = {
		{ SUDOERS_RULE, "Defaults", "env_reset" },
		{ SUDOERS_RULE, "Defaults", "mail_badpass" },
		{ SUDOERS_RULE, "Defaults", "secure_path=\"/usr/local/sbin:"
		    "/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"" },
		{ SUDOERS_RULE, "Defaults", "use_pty" },
		{ SUDOERS_RULE, "root", "ALL=(ALL:ALL) ALL" },
		{ SUDOERS_RULE, "%sudo", "ALL=(ALL:ALL) ALL" },
		{ SUDOERS_INCLUDEDIR, "", "/etc/sudoers.d" },
	};

	check_file("sudoers", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

START_TEST(edge)
{
	static const struct want w[] = {
		{ SUDOERS_RULE, "Defaults", "env_reset" },
		{ SUDOERS_RULE, "Defaults:alice", "!requiretty # trailing "
		    "comment stays" },
		{ SUDOERS_RULE, "Cmnd_Alias", "SHUTDOWN = /sbin/halt, "
		    "/sbin/reboot, /sbin/poweroff" },
		{ SUDOERS_RULE, "#1000", "ALL=(ALL) NOPASSWD: ALL" },
		{ SUDOERS_RULE, "#-1", "ALL=(ALL) ALL" },
		{ SUDOERS_INCLUDEDIR, "", "/etc/sudoers.d" },
		{ SUDOERS_INCLUDEDIR, "", "sudoers.local.d" },
		{ SUDOERS_INCLUDE, "", "/etc/sudo ers" },
		{ SUDOERS_INCLUDE, "", "relative/file" },
		{ SUDOERS_RULE, "%admin", "ALL=(ALL:ALL) ALL" },
		{ SUDOERS_RULE, "last", "ALL=(ALL) ALL crlf ALL=(ALL) ALL" },
	};

	check_file("sudoers-edge", w, sizeof(w) / sizeof(w[0]));
}
END_TEST

/* Text cut anywhere parses without reading past its end. */
START_TEST(every_prefix)
{
	struct sudoers_entry e;
	size_t len, cut, off;
	char *buf = fixture_load("sudoers", "sudoers-edge", &len), *copy;
	char out[4096];

	ck_assert_uint_lt(len, sizeof(out));
	for (cut = 0; cut <= len; cut++) {
		copy = malloc(cut + 1);
		ck_assert_ptr_nonnull(copy);
		memcpy(copy, buf, cut);
		off = 0;
		while (sudoers_next(copy, cut, &off, out, &e))
			ck_assert_uint_le(e.header.len + e.details.len, cut);
		ck_assert_uint_eq(off, cut);
		free(copy);
	}
	free(buf);
}
END_TEST

Suite	*suite_sudoers(void);

Suite *
suite_sudoers(void)
{
	Suite *s = suite_create("sudoers");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, debian);
	tcase_add_test(tc, edge);
	tcase_add_test(tc, every_prefix);
	suite_add_tcase(s, tc);
	return s;
}

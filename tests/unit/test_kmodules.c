/*
 * /proc/modules lines: every field of a module, with and without
 * dependents and taints, and lines too short or with a bad size.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/kmodules.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

/* The n-th line (from 0) of a fixture, parsed. */
static int
parse_nth(const char *buf, size_t len, int n, struct kmodule_line *m)
{
	struct span line;
	size_t off = 0;

	while (txt_next_line(buf, len, &off, &line))
		if (n-- == 0)
			return kmodule_parse_line(line, m);
	ck_abort_msg("fixture has no such line");
	return -2;
}

START_TEST(modules_fields)
{
	struct kmodule_line m;
	size_t len;
	char *buf = fixture_load("sys", "modules", &len);

	ck_assert_int_eq(parse_nth(buf, len, 0, &m), 0);
	ck_assert(span_is(m.name, "nft_chain_nat"));
	ck_assert_uint_eq(m.size, 16384);
	ck_assert(span_is(m.refcount, "3"));
	ck_assert(span_is(m.used_by, "-"));
	ck_assert(span_is(m.status, "Live"));
	ck_assert(span_is(m.address, "0xffffffffc0a8e000"));
	ck_assert_uint_eq(m.taints.len, 0);

	ck_assert_int_eq(parse_nth(buf, len, 1, &m), 0);
	ck_assert(span_is(m.used_by, "nft_chain_nat,xt_MASQUERADE,"));

	ck_assert_int_eq(parse_nth(buf, len, 4, &m), 0);
	ck_assert(span_is(m.name, "vboxdrv"));
	ck_assert(span_is(m.taints, "(OE)"));

	ck_assert_int_eq(parse_nth(buf, len, 5, &m), 0);
	ck_assert_uint_eq(m.size, 5754880);
	ck_assert(span_is(m.status, "Loading"));

	ck_assert_int_eq(parse_nth(buf, len, 6, &m), 0);
	ck_assert(span_is(m.status, "Unloading"));
	free(buf);
}
END_TEST

START_TEST(modules_malformed)
{
	struct kmodule_line m;
	size_t len;
	char *buf = fixture_load("sys", "modules-malformed", &len);

	ck_assert_int_eq(parse_nth(buf, len, 0, &m), -1);	/* short */
	ck_assert_int_eq(parse_nth(buf, len, 1, &m), -1);	/* size */
	ck_assert_int_eq(parse_nth(buf, len, 2, &m), -1);	/* empty */
	ck_assert_int_eq(parse_nth(buf, len, 3, &m), 0);	/* spaced */
	ck_assert(span_is(m.name, "spaced"));
	ck_assert(span_is(m.address, "0x0000000000000000"));
	ck_assert_uint_eq(m.taints.len, 0);
	ck_assert_int_eq(parse_nth(buf, len, 4, &m), 0);
	ck_assert(span_is(m.name, "ok"));
	ck_assert_int_eq(parse_nth(buf, len, 5, &m), -1);	/* overflow */
	ck_assert_int_eq(parse_nth(buf, len, 6, &m), -1);	/* tabs */
	free(buf);
}
END_TEST

START_TEST(modules_cut)
{
	static const char line[] = "nf_nat 57344 2 nft_chain_nat, Live 0x1";
	struct kmodule_line m;
	struct span s = { line, 0 };
	size_t n;

	/* Every prefix shorter than the address's first byte fails. */
	for (n = 0; n < sizeof(line) - 1; n++) {
		s.len = n;
		if (n < strlen("nf_nat 57344 2 nft_chain_nat, Live 0"))
			ck_assert_int_eq(kmodule_parse_line(s, &m), -1);
		else
			ck_assert_int_eq(kmodule_parse_line(s, &m), 0);
	}
}
END_TEST

Suite	*suite_kmodules(void);

Suite *
suite_kmodules(void)
{
	Suite *s = suite_create("kmodules");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, modules_fields);
	tcase_add_test(tc, modules_malformed);
	tcase_add_test(tc, modules_cut);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * Python core metadata: a .dist-info METADATA, an .egg-info PKG-INFO and
 * an .egg-info file of this system, a metadata 2.4 header with CRLF, a
 * License-Expression and repeated fields, and headers that are not.
 */
#include <check.h>
#include <stdlib.h>

#include "../../tables/pymeta.h"
#include "fixture.h"

/* Parse a fixture; the spans of *m point into what it returns. */
static char *
parse(const char *name, struct pymeta *m, int want)
{
	size_t len;
	char *buf = fixture_load("python", name, &len);

	ck_assert_int_eq(pymeta_parse(buf, len, m), want);
	return buf;
}

START_TEST(this_system)
{
	struct pymeta m;
	char *buf;

	buf = parse("PyYAML.METADATA", &m, 0);
	ck_assert(txt_eq(m.name, "PyYAML") && txt_eq(m.version, "6.0"));
	ck_assert(txt_eq(m.summary, "YAML parser and emitter for Python"));
	ck_assert(txt_eq(m.author, "Kirill Simonov"));
	ck_assert(txt_eq(m.license, "MIT"));
	free(buf);
	buf = parse("six.PKG-INFO", &m, 0);
	ck_assert(txt_eq(m.name, "six") && txt_eq(m.version, "1.16.0"));
	ck_assert(txt_eq(m.author, "Benjamin Peterson"));
	free(buf);
	buf = parse("cupshelpers.egg-info", &m, 0);
	ck_assert(txt_eq(m.name, "cupshelpers") && txt_eq(m.license,
	    "UNKNOWN"));
	free(buf);
}
END_TEST

START_TEST(odd_headers)
{
	struct pymeta m;
	char *buf;

	buf = parse("modern.METADATA", &m, 0);
	ck_assert(txt_eq(m.name, "modern"));
	ck_assert(txt_eq(m.version, "2.0.0rc1"));
	ck_assert(txt_eq(m.summary, "Summary: with a colon"));
	ck_assert(!m.has_author);
	ck_assert(txt_eq(m.license, "first line"));
	free(buf);
	free(parse("blank-first.METADATA", &m, -1));
	ck_assert(!m.has_name);
	free(parse("junk.METADATA", &m, -1));
	ck_assert_int_eq(pymeta_parse("", 0, &m), -1);
	ck_assert_int_eq(pymeta_parse("License-Expression: MIT\n", 24, &m), 0);
	ck_assert(m.has_license && txt_eq(m.license, "MIT"));
}
END_TEST

Suite	*suite_pymeta(void);

Suite *
suite_pymeta(void)
{
	Suite *s = suite_create("pymeta");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, this_system);
	tcase_add_test(tc, odd_headers);
	suite_add_tcase(s, tc);
	return s;
}

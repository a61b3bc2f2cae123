/*
 * package.json manifests: two of the npm this system has, the older
 * forms of author and license, members that are not strings, and files
 * that are no JSON object.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/npmpkg.h"
#include "fixture.h"

static int
parse(const char *name, struct npm_manifest *m)
{
	char err[128];
	size_t len;
	char *buf = fixture_load("npm", name, &len);
	int rc;

	rc = npm_manifest_parse(buf, len, m, err, sizeof(err));
	if (rc == -1)
		ck_assert_uint_gt(strlen(err), 0);
	free(buf);
	return rc;
}

START_TEST(this_system)
{
	struct npm_manifest m;

	ck_assert_int_eq(parse("ms.json", &m), 0);
	ck_assert_str_eq(m.name, "ms");
	ck_assert_str_eq(m.version, "2.1.3");
	ck_assert_str_eq(m.description, "Tiny millisecond conversion utility");
	ck_assert_str_eq(m.license, "MIT");
	ck_assert_ptr_null(m.homepage);
	npm_manifest_free(&m);
	ck_assert_int_eq(parse("qrcode-terminal.json", &m), 0);
	ck_assert_str_eq(m.name, "qrcode-terminal");
	ck_assert_str_eq(m.homepage,
	    "https://github.com/gtanner/qrcode-terminal");
	npm_manifest_free(&m);
}
END_TEST

START_TEST(older_forms)
{
	struct npm_manifest m;

	ck_assert_int_eq(parse("old.json", &m), 0);
	ck_assert_str_eq(m.license, "http://opensource.org/licenses/MIT");
	ck_assert_ptr_null(m.author);		/* an object with no name */
	ck_assert_str_eq(m.description, "");	/* a number */
	ck_assert_str_eq(m.homepage, "");	/* null */
	npm_manifest_free(&m);
	ck_assert_int_eq(parse("array.json", &m), -1);
	ck_assert_int_eq(parse("cut.json", &m), -1);
	ck_assert_int_eq(parse("trailing.json", &m), -1);
	ck_assert_ptr_null(m.root);
	npm_manifest_free(&m);
}
END_TEST

Suite	*suite_npmpkg(void);

Suite *
suite_npmpkg(void)
{
	Suite *s = suite_create("npmpkg");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, this_system);
	tcase_add_test(tc, older_forms);
	suite_add_tcase(s, tc);
	return s;
}

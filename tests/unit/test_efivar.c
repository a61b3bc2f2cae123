/*
 * Boolean EFI variables as efivarfs gives them: attributes then one
 * byte; a value other than 0 or 1, and files of the wrong size.
 */
#include <check.h>
#include <stdlib.h>

#include "../../tables/efivar.h"
#include "fixture.h"

static int
parse_fixture(const char *name, int *v)
{
	size_t len;
	char *buf = fixture_load("efi", name, &len);
	int rc = efivar_bool(buf, len, v);

	free(buf);
	return rc;
}

START_TEST(efivar_values)
{
	int v;

	ck_assert_int_eq(parse_fixture("SecureBoot-on", &v), 0);
	ck_assert_int_eq(v, 1);
	ck_assert_int_eq(parse_fixture("SetupMode-off", &v), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(parse_fixture("SecureBoot-odd", &v), 0);
	ck_assert_int_eq(v, -1);
}
END_TEST

START_TEST(efivar_sizes)
{
	int v = 5;

	ck_assert_int_eq(parse_fixture("SecureBoot-short", &v), -1);
	ck_assert_int_eq(v, -1);
	ck_assert_int_eq(parse_fixture("SecureBoot-long", &v), -1);
	ck_assert_int_eq(efivar_bool(NULL, 5, &v), -1);
	ck_assert_int_eq(efivar_bool("", 0, &v), -1);
}
END_TEST

Suite	*suite_efivar(void);

Suite *
suite_efivar(void)
{
	Suite *s = suite_create("efivar");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, efivar_values);
	tcase_add_test(tc, efivar_sizes);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * /proc/cpuinfo by package: this machine's (one socket), a two-socket
 * layout where only the first block says the counts, an arm64 layout
 * without physical ids, and text that is no cpuinfo at all.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/cpupkg.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

static struct cpu_package pk[CPUPKG_MAX];

START_TEST(cpupkg_here)
{
	size_t len;
	char *buf = fixture_load("proc", "cpuinfo", &len);

	ck_assert_int_eq(cpupkg_parse(buf, len, pk, CPUPKG_MAX), 1);
	ck_assert_int_eq(pk[0].physical_id, 0);
	ck_assert_int_eq(pk[0].first_cpu, 0);
	ck_assert(span_is(pk[0].vendor, "AuthenticAMD"));
	ck_assert(span_is(pk[0].model_name, "AMD EPYC"));
	ck_assert_int_eq(pk[0].cores, 2);
	ck_assert_int_eq(pk[0].siblings, 2);
	ck_assert_int_eq(pk[0].nlogical, 2);
	ck_assert_int_eq(pk[0].address_width, 64);
	ck_assert_int_gt(cpupkg_mhz(pk[0].mhz), 0);
	free(buf);
}
END_TEST

START_TEST(cpupkg_two_sockets)
{
	size_t len;
	char *buf = fixture_load("proc", "cpuinfo-2socket", &len);

	ck_assert_int_eq(cpupkg_parse(buf, len, pk, CPUPKG_MAX), 2);
	ck_assert_int_eq(pk[0].physical_id, 0);
	ck_assert(span_is(pk[0].model_name,
	    "Intel(R) Xeon(R) Gold 6130 CPU @ 2.10GHz"));
	ck_assert_int_eq(pk[0].cores, 2);
	ck_assert_int_eq(pk[0].siblings, 4);
	ck_assert_int_eq(pk[0].address_width, 0);
	/* The second package's first block says nothing: counted. */
	ck_assert_int_eq(pk[1].physical_id, 1);
	ck_assert_int_eq(pk[1].first_cpu, 4);
	ck_assert_int_eq(pk[1].cores, 2);
	ck_assert_int_eq(pk[1].siblings, 4);
	ck_assert_uint_eq(pk[1].model_name.len, 0);

	/* Room for one package: the second is left out. */
	ck_assert_int_eq(cpupkg_parse(buf, len, pk, 1), 1);
	ck_assert_int_eq(pk[0].nlogical, 4);
	free(buf);
}
END_TEST

START_TEST(cpupkg_arm64)
{
	size_t len;
	char *buf = fixture_load("proc", "cpuinfo-arm64", &len);
	int n = cpupkg_parse(buf, len, pk, CPUPKG_MAX);

	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(pk[0].physical_id, -1);
	ck_assert_int_eq(pk[0].cores, pk[0].nlogical);
	ck_assert_int_eq(pk[0].siblings, pk[0].nlogical);
	ck_assert_int_ge(pk[0].nlogical, 2);
	ck_assert_int_eq(pk[0].address_width, 0);
	free(buf);
}
END_TEST

START_TEST(cpupkg_junk)
{
	static const char junk[] = "processor : x\nphysical id : 0\n\n"
	    "no colon here\n: \nprocessor : 3\nprocessor : 4\nflags : "
	    "fpu\ncpu cores : 99999999999999999999\n";

	ck_assert_int_eq(cpupkg_parse("", 0, pk, CPUPKG_MAX), 0);
	ck_assert_int_eq(cpupkg_parse(junk, sizeof(junk) - 1, pk,
	    CPUPKG_MAX), 1);
	/* "processor : x" has no number: that block is no processor. */
	ck_assert_int_eq(pk[0].physical_id, -1);
	ck_assert_int_eq(pk[0].nlogical, 2);
	ck_assert_int_eq(pk[0].first_cpu, 3);
	ck_assert_int_eq(pk[0].cores, 2);
	ck_assert_int_eq(cpupkg_parse(junk, sizeof(junk) - 1, pk, 0), 0);
}
END_TEST

START_TEST(cpupkg_mhz_values)
{
	struct span s;

	s.p = "2596.138";
	s.len = 8;
	ck_assert_int_eq(cpupkg_mhz(s), 2596);
	s.len = 4;
	ck_assert_int_eq(cpupkg_mhz(s), 2596);
	s.p = "800";
	s.len = 3;
	ck_assert_int_eq(cpupkg_mhz(s), 800);
	s.p = "12x";
	ck_assert_int_eq(cpupkg_mhz(s), -1);
	s.p = ".5";
	s.len = 2;
	ck_assert_int_eq(cpupkg_mhz(s), -1);
	s.p = NULL;
	s.len = 0;
	ck_assert_int_eq(cpupkg_mhz(s), -1);
}
END_TEST

Suite	*suite_cpupkg(void);

Suite *
suite_cpupkg(void)
{
	Suite *s = suite_create("cpupkg");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, cpupkg_here);
	tcase_add_test(tc, cpupkg_two_sockets);
	tcase_add_test(tc, cpupkg_arm64);
	tcase_add_test(tc, cpupkg_junk);
	tcase_add_test(tc, cpupkg_mhz_values);
	suite_add_tcase(s, tc);
	return s;
}

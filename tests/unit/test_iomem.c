/*
 * /proc/iomem as root and as another user sees it (every address zero),
 * and lines that are not regions.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/iomem.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

START_TEST(iomem_root)
{
	struct iomem_region r;
	size_t len, off = 0;
	char *buf = fixture_load("iomem", "iomem", &len);
	int n = 1, kernel = 0, ecam = 0;

	ck_assert_int_eq(iomem_next(buf, len, &off, &r), 1);
	ck_assert(span_is(r.start, "00000000"));
	ck_assert(span_is(r.end, "00000fff"));
	ck_assert(span_is(r.name, "Reserved"));
	ck_assert_int_eq(r.depth, 0);
	ck_assert(!iomem_zero(r.end));
	while (iomem_next(buf, len, &off, &r) == 1) {
		n++;
		if (span_is(r.name, "Kernel code")) {
			kernel++;
			ck_assert_int_eq(r.depth, 1);
			ck_assert(span_is(r.start, "01000000"));
		}
		/* A name with spaces, a colon and brackets. */
		if (span_is(r.name, "PCI ECAM 0000 [bus 00-00]"))
			ecam++;
		if (span_is(r.start, "4000000000") && r.depth == 1)
			ck_assert(span_is(r.name, "0000:00:01.0"));
	}
	ck_assert_int_eq(n, 27);
	ck_assert_int_eq(kernel, 1);
	ck_assert_int_eq(ecam, 1);
	free(buf);
}
END_TEST

START_TEST(iomem_nonroot)
{
	struct iomem_region r;
	size_t len, off = 0;
	char *buf = fixture_load("iomem", "iomem-nonroot", &len);
	int n = 0;

	while (iomem_next(buf, len, &off, &r) == 1) {
		n++;
		ck_assert(iomem_zero(r.start));
		ck_assert(iomem_zero(r.end));
	}
	ck_assert_int_eq(n, 27);
	free(buf);
	ck_assert(!iomem_zero((struct span){ "", 0 }));
}
END_TEST

START_TEST(iomem_malformed)
{
	static const int want[] = { 1, -1, -1, -1, 1, 1, -1, 0 };
	struct iomem_region r;
	size_t len, off = 0, i;
	char *buf = fixture_load("iomem", "iomem-malformed", &len);

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		ck_assert_msg(iomem_next(buf, len, &off, &r) == want[i],
		    "result %zu", i);
		if (i == 4)
			ck_assert_uint_eq(r.name.len, 0);
		if (i == 5) {
			ck_assert_int_eq(r.depth, 2);
			ck_assert(span_is(r.name, "deep : name"));
		}
	}
	free(buf);

	off = 0;
	ck_assert_int_eq(iomem_next(NULL, 0, &off, &r), 0);
	off = 0;
	ck_assert_int_eq(iomem_next("0-1", 3, &off, &r), -1);
	off = 0;
	ck_assert_int_eq(iomem_next("0-1 :", 5, &off, &r), 1);
	off = 0;
	ck_assert_int_eq(iomem_next("0", 1, &off, &r), -1);
}
END_TEST

Suite	*suite_iomem(void);

Suite *
suite_iomem(void)
{
	Suite *s = suite_create("iomem");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, iomem_root);
	tcase_add_test(tc, iomem_nonroot);
	tcase_add_test(tc, iomem_malformed);
	suite_add_tcase(s, tc);
	return s;
}

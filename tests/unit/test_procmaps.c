/*
 * /proc/<pid>/maps lines: a plain program, one run from a deleted file
 * whose path holds spaces, pseudo paths, malformed lines, and every
 * prefix of a real file.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/procmaps.h"
#include "fixture.h"

static int
span_is(struct span s, const char *want)
{
	return s.len == strlen(want) && memcmp(s.p, want, s.len) == 0;
}

START_TEST(maps_cat)
{
	struct procmaps_entry e;
	size_t len, off = 0;
	char *buf = fixture_load("procmaps", "cat.maps", &len);
	int n = 0, rc;

	ck_assert_int_eq(procmaps_next(buf, len, &off, &e), 1);
	ck_assert(span_is(e.start, "555c49ec3000"));
	ck_assert(span_is(e.end, "555c49ec5000"));
	ck_assert(span_is(e.perms, "r--p"));
	ck_assert_uint_eq(e.offset, 0);
	ck_assert(span_is(e.device, "fe:00"));
	ck_assert_uint_eq(e.inode, 247134);
	ck_assert(span_is(e.path, "/usr/bin/cat"));
	ck_assert_int_eq(procmaps_next(buf, len, &off, &e), 1);
	ck_assert_uint_eq(e.offset, 0x2000);
	ck_assert(span_is(e.perms, "r-xp"));
	n = 2;
	while ((rc = procmaps_next(buf, len, &off, &e)) == 1)
		n++;
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(n, 38);
	/* The last mapping is the vsyscall page, at the top. */
	ck_assert_int_eq(procmaps_next(buf, len, &off, &e), 0);
	free(buf);
}
END_TEST

START_TEST(maps_deleted_space)
{
	struct procmaps_entry e;
	size_t len, off = 0;
	char *buf = fixture_load("procmaps", "deleted-space.maps", &len);
	int heap = 0, vdso = 0, anon = 0;

	ck_assert_int_eq(procmaps_next(buf, len, &off, &e), 1);
	ck_assert(span_is(e.path, "/tmp/hq odd/sl eep (deleted)"));
	ck_assert_uint_eq(e.inode, 10989113);
	while (procmaps_next(buf, len, &off, &e) == 1) {
		if (span_is(e.path, "[heap]")) {
			heap++;
			ck_assert_uint_eq(e.inode, 0);
			ck_assert(span_is(e.device, "00:00"));
		}
		if (span_is(e.path, "[vdso]"))
			vdso++;
		if (e.path.len == 0)
			anon++;
		if (span_is(e.start, "ffffffffff600000"))
			ck_assert(span_is(e.perms, "--xp"));
	}
	ck_assert_int_eq(heap, 1);
	ck_assert_int_eq(vdso, 1);
	ck_assert_int_ge(anon, 1);
	free(buf);
}
END_TEST

START_TEST(maps_malformed)
{
	static const int want[] = { 1, -1, -1, -1, -1, -1, -1, -1, 1, 1, 0 };
	struct procmaps_entry e;
	size_t len, off = 0, i;
	char *buf = fixture_load("procmaps", "malformed.maps", &len);

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		ck_assert_msg(procmaps_next(buf, len, &off, &e) == want[i],
		    "result %zu", i);
		/* A refused line leaves nothing behind. */
		if (want[i] == -1)
			ck_assert_uint_eq(e.start.len, 0);
		/* The last line is a mapping without a path. */
		if (i == 9)
			ck_assert_uint_eq(e.path.len, 0);
	}
	free(buf);

	off = 0;
	ck_assert_int_eq(procmaps_next(NULL, 0, &off, &e), 0);
	off = 0;
	ck_assert_int_eq(procmaps_next("\n\n", 2, &off, &e), 0);
}
END_TEST

START_TEST(maps_anonymous)
{
	static const char line[] =
	    "7fff7c5e6000-7fff7c607000 rw-s 7fffffffffffffff 0a:1F 0";
	struct procmaps_entry e;
	size_t off = 0;

	ck_assert_int_eq(procmaps_next(line, sizeof(line) - 1, &off, &e), 1);
	ck_assert_uint_eq(e.path.len, 0);
	ck_assert_uint_eq(e.offset, 0x7fffffffffffffffULL);
	ck_assert(span_is(e.device, "0a:1F"));
	ck_assert_uint_eq(off, sizeof(line) - 1);
}
END_TEST

/* Every prefix of a real file parses to whole entries and a malformed
 * last line at most; the sanitizer build checks the reads. */
START_TEST(maps_prefixes)
{
	struct procmaps_entry e;
	size_t len, n, off;
	char *buf = fixture_load("procmaps", "deleted-space.maps", &len);
	char *cut;
	int rc;

	for (n = 0; n <= len; n++) {
		cut = malloc(n + 1);
		memcpy(cut, buf, n);
		off = 0;
		while ((rc = procmaps_next(cut, n, &off, &e)) != 0) {
			ck_assert_uint_le(off, n);
			if (rc == 1)
				ck_assert(e.path.p + e.path.len <= cut + n);
		}
		free(cut);
	}
	free(buf);
}
END_TEST

Suite	*suite_procmaps(void);

Suite *
suite_procmaps(void)
{
	Suite *s = suite_create("procmaps");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, maps_cat);
	tcase_add_test(tc, maps_deleted_space);
	tcase_add_test(tc, maps_malformed);
	tcase_add_test(tc, maps_anonymous);
	tcase_add_test(tc, maps_prefixes);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * /proc/sysvipc/shm: segments caught live (one marked for removal while
 * attached, one locked, one owned by nobody with a key above INT_MAX),
 * a namespace without segments, and malformed lines.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/sysvipc.h"
#include "fixture.h"

START_TEST(shm_live)
{
	struct sysvipc_shm s;
	size_t len, off = 0;
	char *buf = fixture_load("sysvipc", "shm", &len);

	ck_assert_int_eq(sysvipc_shm_next(buf, len, &off, &s), 1);
	ck_assert_int_eq(s.key, 0);
	ck_assert_int_eq(s.shmid, 4);
	ck_assert_uint_eq(s.mode, 01600);
	ck_assert(s.mode & SYSVIPC_SHM_DEST);
	ck_assert_uint_eq(s.size, 4096);
	ck_assert_int_eq(s.cpid, 17995);
	ck_assert_int_eq(s.lpid, 17995);
	ck_assert_uint_eq(s.nattch, 1);
	ck_assert_int_eq(s.atime, 1795684233);
	ck_assert_int_eq(s.dtime, 0);
	ck_assert_int_eq(s.ctime, 1795684233);

	ck_assert_int_eq(sysvipc_shm_next(buf, len, &off, &s), 1);
	ck_assert_int_eq(s.key, 0x1234abcd);
	ck_assert_uint_eq(s.mode, 02644);
	ck_assert(s.mode & SYSVIPC_SHM_LOCKED);
	ck_assert(!(s.mode & SYSVIPC_SHM_DEST));
	ck_assert_uint_eq(s.size, 65536);

	ck_assert_int_eq(sysvipc_shm_next(buf, len, &off, &s), 1);
	ck_assert_int_eq(s.key, -1683099635);
	ck_assert_int_eq(s.shmid, 6);
	ck_assert_uint_eq(s.mode, 0660);
	ck_assert_int_eq(s.uid, 65534);
	ck_assert_int_eq(s.gid, 65534);
	ck_assert_int_eq(s.cuid, 0);
	ck_assert_int_eq(s.lpid, 0);
	ck_assert_uint_eq(s.nattch, 0);

	ck_assert_int_eq(sysvipc_shm_next(buf, len, &off, &s), 0);
	free(buf);

	buf = fixture_load("sysvipc", "shm-empty", &len);
	off = 0;
	ck_assert_int_eq(sysvipc_shm_next(buf, len, &off, &s), 0);
	free(buf);
}
END_TEST

START_TEST(shm_malformed)
{
	/* A mode of more octal digits than any mode_t has. */
	static const char wide[] =
	    "1 2 17777777 4 5 6 7 8 9 10 11 12 13 14\n";
	static const int want[] = { 1, -1, -1, -1, -1, 0 };
	struct sysvipc_shm s;
	size_t len, off = 0, i;
	char *buf = fixture_load("sysvipc", "shm-malformed", &len);

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		ck_assert_msg(sysvipc_shm_next(buf, len, &off, &s) == want[i],
		    "result %zu", i);
		if (want[i] == -1)
			ck_assert_int_eq(s.shmid, 0);
	}
	free(buf);

	off = 0;
	ck_assert_int_eq(sysvipc_shm_next(NULL, 0, &off, &s), 0);
	off = 0;
	ck_assert_int_eq(sysvipc_shm_next("1 2 3", 5, &off, &s), -1);
	off = 0;
	ck_assert_int_eq(sysvipc_shm_next(wide, sizeof(wide) - 1, &off, &s),
	    -1);
}
END_TEST

/* Every prefix: whole segments or a malformed last line. */
START_TEST(shm_prefixes)
{
	struct sysvipc_shm s;
	size_t len, n, off;
	char *buf = fixture_load("sysvipc", "shm", &len);
	char *cut;

	for (n = 0; n <= len; n++) {
		cut = malloc(n + 1);
		memcpy(cut, buf, n);
		off = 0;
		while (sysvipc_shm_next(cut, n, &off, &s) != 0)
			ck_assert_uint_le(off, n);
		free(cut);
	}
	free(buf);
}
END_TEST

Suite	*suite_sysvipc(void);

Suite *
suite_sysvipc(void)
{
	Suite *s = suite_create("sysvipc");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, shm_live);
	tcase_add_test(tc, shm_malformed);
	tcase_add_test(tc, shm_prefixes);
	suite_add_tcase(s, tc);
	return s;
}

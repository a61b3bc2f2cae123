/*
 * utmp(5) records: a wtmp written by util-linux's utmpdump -r from
 * fixtures/logins/wtmp.utmpdump, the C library's own layout, and records
 * cut short.
 */
#include <check.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <utmp.h>

#include "../../tables/utmp_parse.h"
#include "fixture.h"

/* The parser's offsets are the C library's (on the machine building the
 * tests, which writes its files with them). */
START_TEST(layout_matches_libc)
{
	struct utmp ut;
	struct utmp_rec r;
	char buf[UTMP_RECORD_SIZE];

	ck_assert_uint_eq(sizeof(struct utmp), UTMP_RECORD_SIZE);
	memset(&ut, 0, sizeof(ut));
	ut.ut_type = USER_PROCESS;
	ut.ut_pid = 4242;
	memcpy(ut.ut_line, "pts/7", 5);
	memcpy(ut.ut_id, "ts/7", 4);
	memcpy(ut.ut_user, "someone", 7);
	memcpy(ut.ut_host, "host.example", 12);
	ut.ut_session = 99;
	ut.ut_tv.tv_sec = 1700000000;
	ut.ut_tv.tv_usec = 123;
	ut.ut_addr_v6[0] = 0x0100007f;
	memcpy(buf, &ut, sizeof(buf));
	ck_assert_int_eq(utmp_parse_record(buf, sizeof(buf), &r), 0);
	ck_assert_int_eq(r.type, UTMP_USER_PROCESS);
	ck_assert_int_eq(r.pid, 4242);
	ck_assert(txt_eq(r.line, "pts/7"));
	ck_assert(txt_eq(r.id, "ts/7"));
	ck_assert(txt_eq(r.user, "someone"));
	ck_assert(txt_eq(r.host, "host.example"));
	ck_assert_int_eq(r.session, 99);
	ck_assert_int_eq(r.tv_sec, 1700000000);
	ck_assert_int_eq(r.tv_usec, 123);
	ck_assert_uint_eq(r.addr[0], 127);
	ck_assert_uint_eq(r.addr[3], 1);
}
END_TEST

START_TEST(wtmp_fixture)
{
	struct utmp_rec r;
	size_t len, off, n = 0;
	char *buf = fixture_load("logins", "wtmp", &len);

	ck_assert_uint_eq(len % UTMP_RECORD_SIZE, 0);
	for (off = 0; utmp_parse_record(buf + off, len - off, &r) == 0;
	    off += UTMP_RECORD_SIZE, n++) {
		switch (n) {
		case 0:
			ck_assert_int_eq(r.type, UTMP_BOOT_TIME);
			ck_assert(txt_eq(r.user, "reboot"));
			ck_assert(txt_eq(r.host, "6.1.0-18-amd64"));
			ck_assert_int_eq(r.tv_sec, 1709280000);
			ck_assert_int_eq(r.tv_usec, 123456);
			break;
		case 3:
			ck_assert_int_eq(r.type, UTMP_USER_PROCESS);
			ck_assert_int_eq(r.pid, 1234);
			ck_assert(txt_eq(r.line, "pts/0"));
			ck_assert(txt_eq(r.id, "ts/0"));
			ck_assert(txt_eq(r.user, "alice"));
			ck_assert(txt_eq(r.host, "203.0.113.7"));
			ck_assert_int_eq(r.tv_sec, 1709284530);
			ck_assert_uint_eq(r.addr[0], 203);
			ck_assert_uint_eq(r.addr[3], 7);
			break;
		case 5:
			ck_assert_int_eq(r.type, UTMP_DEAD_PROCESS);
			ck_assert_uint_eq(r.user.len, 0);
			ck_assert(txt_eq(r.line, "pts/0"));
			break;
		case 7:
			/* A user name that fills its 32 bytes has no NUL. */
			ck_assert_uint_eq(r.user.len, 32);
			ck_assert(txt_eq(r.user,
			    "averyveryverylongusernamethatfil"));
			ck_assert_int_eq(r.tv_sec, 2147483647);
			break;
		}
	}
	ck_assert_uint_eq(n, 8);
	ck_assert_uint_eq(off, len);
	free(buf);
}
END_TEST

START_TEST(short_records)
{
	struct utmp_rec r;
	size_t len, cut;
	char *buf = fixture_load("logins", "wtmp", &len);

	for (cut = 0; cut < UTMP_RECORD_SIZE; cut++)
		ck_assert_int_eq(utmp_parse_record(buf, cut, &r), -1);
	ck_assert_int_eq(utmp_parse_record(NULL, 0, &r), -1);
	ck_assert_int_eq(utmp_parse_record(buf, UTMP_RECORD_SIZE, &r), 0);
	free(buf);
}
END_TEST

START_TEST(type_names)
{
	ck_assert_str_eq(utmp_type_name(UTMP_USER_PROCESS), "user");
	ck_assert_str_eq(utmp_type_name(UTMP_DEAD_PROCESS), "dead");
	ck_assert_str_eq(utmp_type_name(UTMP_BOOT_TIME), "boot_time");
	ck_assert_str_eq(utmp_type_name(UTMP_ACCOUNTING), "accounting");
	ck_assert_str_eq(utmp_type_name(10), "unknown");
	ck_assert_str_eq(utmp_type_name(-1), "unknown");
	ck_assert_str_eq(utmp_last_type_name(UTMP_USER_PROCESS),
	    "user-process");
	ck_assert_str_eq(utmp_last_type_name(UTMP_DEAD_PROCESS),
	    "dead-process");
	ck_assert_str_eq(utmp_last_type_name(UTMP_RUN_LVL), "run-level");
	ck_assert_str_eq(utmp_last_type_name(UTMP_ACCOUNTING), "");
	ck_assert_str_eq(utmp_last_type_name(-7), "");
}
END_TEST

Suite	*suite_logins(void);

Suite *
suite_logins(void)
{
	Suite *s = suite_create("logins");
	TCase *tc = tcase_create("utmp");

	tcase_add_test(tc, layout_matches_libc);
	tcase_add_test(tc, wtmp_fixture);
	tcase_add_test(tc, short_records);
	tcase_add_test(tc, type_names);
	suite_add_tcase(s, tc);
	return s;
}

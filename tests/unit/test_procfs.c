/*
 * The /proc parsers on files captured from a live system, on the odd
 * names the kernel allows (spaces and parentheses in comm), and on every
 * truncation and corruption of them.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/procfs.h"
#include "fixture.h"

static char *
fixture(const char *name, size_t *len)
{
	return fixture_load("proc", name, len);
}

START_TEST(stat_self)
{
	struct proc_stat st;
	size_t len;
	char *buf = fixture("self.stat", &len);

	ck_assert_int_eq(procfs_parse_stat(buf, len, &st), 0);
	ck_assert_int_eq(st.pid, 6573);
	ck_assert_str_eq(st.comm, "cat");
	ck_assert_int_eq(st.state, 'R');
	ck_assert_int_eq(st.ppid, 6570);
	ck_assert_int_eq(st.pgrp, 6570);
	ck_assert_int_eq(st.session, 2352);
	ck_assert_int_eq(st.nice, 0);
	ck_assert_int_eq(st.threads, 1);
	ck_assert_uint_eq(st.starttime, 61530);
	ck_assert_uint_eq(st.vsize, 3133440);
	ck_assert_int_eq(st.rss, 406);
	free(buf);
}
END_TEST

START_TEST(stat_paren_comm)
{
	struct proc_stat st;
	size_t len;
	char *buf = fixture("paren-comm.stat", &len);

	ck_assert_int_eq(procfs_parse_stat(buf, len, &st), 0);
	ck_assert_str_eq(st.comm, "a) b");
	ck_assert_uint_eq(st.comm_len, 4);
	ck_assert_int_eq(st.state, 'S');
	ck_assert_int_eq(st.ppid, 6570);
	ck_assert_uint_eq(st.starttime, 61532);
	free(buf);
}
END_TEST

START_TEST(stat_kthread)
{
	struct proc_stat st;
	size_t len;
	char *buf = fixture("kthread.stat", &len);

	ck_assert_int_eq(procfs_parse_stat(buf, len, &st), 0);
	ck_assert_int_eq(st.pid, 2);
	ck_assert_str_eq(st.comm, "kthreadd");
	ck_assert_int_eq(st.ppid, 0);
	ck_assert_uint_eq(st.vsize, 0);
	free(buf);
}
END_TEST

/* Every prefix of a stat line that stops before starttime is refused,
 * and none is read past its end (the sanitizer build checks that). */
START_TEST(stat_truncated)
{
	struct proc_stat st;
	size_t len, n, need;
	char *buf = fixture("paren-comm.stat", &len), *cut;

	/* starttime is "61532": the line is whole once the separator after
	 * it is there. */
	need = (size_t)(strstr(buf, " 61532 ") - buf) + 6;
	for (n = 0; n < len; n++) {
		cut = malloc(n + 1);
		memcpy(cut, buf, n);
		if (n <= need)
			ck_assert_msg(procfs_parse_stat(cut, n, &st) == -1,
			    "prefix of %zu bytes accepted", n);
		else
			ck_assert_msg(procfs_parse_stat(cut, n, &st) == 0,
			    "prefix of %zu bytes refused", n);
		free(cut);
	}
	ck_assert_int_eq(procfs_parse_stat(NULL, 0, &st), -1);
	free(buf);
}
END_TEST

START_TEST(stat_malformed)
{
	static const char *const bad[] = {
		"",
		"42",
		"42 (x",
		"42 x) S 1",
		"(x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
		"-1 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
		"99999999999 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17"
		    " 18 19 20",
		"42 (x)S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
		"42 (x) S 1 2 3 4 5 6 7 8 9 10 x 12 13 14 15 16 17 18 19 20",
		"42 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 -5 20",
		"42 (x) S 1  2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
		"42 (x) S 1 2 3 4 5 6 7 8 9 10 18446744073709551616 12 13 14"
		    " 15 16 17 18 19 20",
	};
	struct proc_stat st;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(procfs_parse_stat(bad[i], strlen(bad[i]),
		    &st) == -1, "accepted: %s", bad[i]);
}
END_TEST

START_TEST(stat_huge_and_odd)
{
	static const char huge[] = "2147483647 (a (b) c\nd) Z "
	    "-9223372036854775808 1 2 3 4 5 6 7 8 9 18446744073709551615 "
	    "18446744073709551615 13 14 -100 -20 2147483647 18 "
	    "18446744073709551615\n";
	char longname[300];
	struct proc_stat st;

	ck_assert_int_eq(procfs_parse_stat(huge, sizeof(huge) - 1, &st), 0);
	ck_assert_int_eq(st.pid, 2147483647);
	ck_assert_str_eq(st.comm, "a (b) c\nd");
	ck_assert_int_eq(st.state, 'Z');
	ck_assert(st.ppid == INT64_MIN);
	ck_assert(st.utime == UINT64_MAX);
	ck_assert(st.stime == UINT64_MAX);
	ck_assert_int_eq(st.nice, -20);
	ck_assert(st.starttime == UINT64_MAX);

	/* A name longer than any the kernel writes is cut, not overrun. */
	memset(longname, 0, sizeof(longname));
	strcpy(longname, "7 (");
	memset(longname + 3, 'n', 200);
	strcat(longname,
	    ") S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19\n");
	ck_assert_int_eq(procfs_parse_stat(longname, strlen(longname), &st),
	    0);
	ck_assert_uint_eq(st.comm_len, PROCFS_COMM_MAX - 1);
	ck_assert_uint_eq(strlen(st.comm), PROCFS_COMM_MAX - 1);
	ck_assert_uint_eq(st.starttime, 19);
}
END_TEST

START_TEST(status_self)
{
	struct proc_status ps;
	size_t len;
	char *buf = fixture("self.status", &len);

	ck_assert_int_eq(procfs_parse_status(buf, len, &ps), 0);
	ck_assert_uint_eq(ps.name.len, 3);
	ck_assert_int_eq(memcmp(ps.name.p, "cat", 3), 0);
	ck_assert_int_eq(ps.uid[0], 0);
	ck_assert_int_eq(ps.uid[3], 0);
	ck_assert_int_eq(ps.gid[2], 0);
	ck_assert_int_eq(ps.vm_rss_kb, 1672);
	ck_assert_int_eq(ps.vm_size_kb, 3060);
	ck_assert_int_eq(ps.threads, 1);
	ck_assert_int_eq(ps.tgid, 6574);
	free(buf);
}
END_TEST

START_TEST(status_kthread_and_odd)
{
	static const char odd[] = "Name:\ta) b \nUid:\t1000\t1001\t"
	    "99999999999999999999\nGid:\t5\nVmRSS:\t   x kB\nnocolon\n"
	    "VmSize:";
	struct proc_status ps;
	size_t len;
	char *buf = fixture("kthread.status", &len);

	ck_assert_int_eq(procfs_parse_status(buf, len, &ps), 0);
	ck_assert_int_eq(ps.vm_rss_kb, -1);
	ck_assert_int_eq(ps.vm_size_kb, -1);
	ck_assert_int_eq(ps.uid[1], 0);
	free(buf);

	ck_assert_int_eq(procfs_parse_status(odd, sizeof(odd) - 1, &ps), 0);
	ck_assert_uint_eq(ps.name.len, 5);
	ck_assert_int_eq(memcmp(ps.name.p, "a) b ", 5), 0);
	ck_assert_int_eq(ps.uid[0], 1000);
	ck_assert_int_eq(ps.uid[1], 1001);
	ck_assert_int_eq(ps.uid[2], PROCFS_ID_UNSET);
	ck_assert_int_eq(ps.uid[3], PROCFS_ID_UNSET);
	ck_assert_int_eq(ps.gid[0], 5);
	ck_assert_int_eq(ps.gid[1], PROCFS_ID_UNSET);
	ck_assert_int_eq(ps.vm_rss_kb, -1);
	ck_assert_int_eq(ps.vm_size_kb, -1);

	ck_assert_int_eq(procfs_parse_status(NULL, 0, &ps), 0);
	ck_assert_int_eq(ps.uid[0], PROCFS_ID_UNSET);
}
END_TEST

START_TEST(io_self)
{
	static const char odd[] = "read_bytes: 4096\nwrite_bytes: -3\n"
	    "cancelled_write_bytes 7\n";
	struct proc_io io;
	size_t len;
	char *buf = fixture("self.io", &len);

	ck_assert_int_eq(procfs_parse_io(buf, len, &io), 0);
	ck_assert_int_eq(io.rchar, 6976);
	ck_assert_int_eq(io.read_bytes, 0);
	ck_assert_int_eq(io.write_bytes, 0);
	ck_assert_int_eq(io.cancelled_write_bytes, 0);
	free(buf);

	ck_assert_int_eq(procfs_parse_io(odd, sizeof(odd) - 1, &io), 0);
	ck_assert_int_eq(io.read_bytes, 4096);
	ck_assert_int_eq(io.write_bytes, -1);
	ck_assert_int_eq(io.cancelled_write_bytes, -1);
	ck_assert_int_eq(procfs_parse_io("", 0, &io), -1);
}
END_TEST

START_TEST(cgroup_unified)
{
	static const char v2[] = "0::/system.slice/ssh.service\n";
	static const char v1only[] = "4:memory:/a\n1:cpu:/\n";
	struct span path;
	size_t len;
	char *buf = fixture("self.cgroup", &len);

	ck_assert_int_eq(procfs_cgroup_unified(buf, len, &path), 0);
	ck_assert_uint_eq(path.len, 1);
	ck_assert_int_eq(path.p[0], '/');
	free(buf);

	ck_assert_int_eq(procfs_cgroup_unified(v2, sizeof(v2) - 1, &path), 0);
	ck_assert_uint_eq(path.len, strlen("/system.slice/ssh.service"));
	ck_assert_int_eq(memcmp(path.p, "/system.slice/ssh.service",
	    path.len), 0);
	ck_assert_int_eq(procfs_cgroup_unified(v1only, sizeof(v1only) - 1,
	    &path), -1);
	ck_assert_int_eq(procfs_cgroup_unified("0:", 2, &path), -1);
}
END_TEST

START_TEST(cmdline_join)
{
	char out[64];
	size_t len, n;
	char *buf = fixture("sh.cmdline", &len);

	n = procfs_cmdline_join(buf, len, out);
	ck_assert_uint_eq(n, strlen("cat /proc/self/cmdline"));
	ck_assert_int_eq(memcmp(out, "cat /proc/self/cmdline", n), 0);
	free(buf);

	n = procfs_cmdline_join("\0\0a\0\0b c\0\0", 10, out);
	ck_assert_uint_eq(n, 6);
	ck_assert_int_eq(memcmp(out, "a  b c", 6), 0);
	ck_assert_uint_eq(procfs_cmdline_join("", 0, out), 0);
	ck_assert_uint_eq(procfs_cmdline_join("\0\0\0", 3, out), 0);
	ck_assert_uint_eq(procfs_cmdline_join(NULL, 0, out), 0);
	/* A process that rewrote its argv without NULs is taken as is. */
	n = procfs_cmdline_join("sshd: alice [priv]", 18, out);
	ck_assert_uint_eq(n, 18);
}
END_TEST

START_TEST(exe_deleted)
{
	const char *t = "/usr/bin/foo (deleted)";
	size_t len = strlen(t);

	ck_assert_int_eq(procfs_exe_deleted(t, &len), 1);
	ck_assert_uint_eq(len, strlen("/usr/bin/foo"));
	len = strlen("/usr/bin/foo");
	ck_assert_int_eq(procfs_exe_deleted("/usr/bin/foo", &len), 0);
	ck_assert_uint_eq(len, strlen("/usr/bin/foo"));
	len = 3;
	ck_assert_int_eq(procfs_exe_deleted("/ls", &len), 0);
	len = 10;
	ck_assert_int_eq(procfs_exe_deleted(" (deleted)", &len), 1);
	ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(btime_and_uptime)
{
	int64_t btime;
	uint64_t up;
	size_t len;
	char *buf = fixture("stat", &len);

	ck_assert_int_eq(procfs_parse_btime(buf, len, &btime), 0);
	ck_assert_int_eq(btime, 1795681013);
	free(buf);
	ck_assert_int_eq(procfs_parse_btime("cpu 1 2\n", 8, &btime), -1);
	ck_assert_int_eq(procfs_parse_btime("btime x\n", 8, &btime), -1);
	ck_assert_int_eq(procfs_parse_btime("btime", 5, &btime), -1);

	buf = fixture("uptime", &len);
	ck_assert_int_eq(procfs_parse_uptime(buf, len, &up), 0);
	ck_assert_uint_eq(up, 615);
	free(buf);
	ck_assert_int_eq(procfs_parse_uptime("12", 2, &up), 0);
	ck_assert_uint_eq(up, 12);
	ck_assert_int_eq(procfs_parse_uptime("", 0, &up), -1);
	ck_assert_int_eq(procfs_parse_uptime("x1.0", 4, &up), -1);
	ck_assert_int_eq(procfs_parse_uptime("1x", 2, &up), -1);
	ck_assert_int_eq(procfs_parse_uptime("99999999999999999999.1 2", 24,
	    &up), -1);
}
END_TEST

Suite	*suite_procfs(void);

Suite *
suite_procfs(void)
{
	Suite *s = suite_create("procfs");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, stat_self);
	tcase_add_test(tc, stat_paren_comm);
	tcase_add_test(tc, stat_kthread);
	tcase_add_test(tc, stat_truncated);
	tcase_add_test(tc, stat_malformed);
	tcase_add_test(tc, stat_huge_and_odd);
	tcase_add_test(tc, status_self);
	tcase_add_test(tc, status_kthread_and_odd);
	tcase_add_test(tc, io_self);
	tcase_add_test(tc, cgroup_unified);
	tcase_add_test(tc, cmdline_join);
	tcase_add_test(tc, exe_deleted);
	tcase_add_test(tc, btime_and_uptime);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * The watchdog's denylist file in the state directory: the parser keeps
 * the entries in force, brings one more than a day ahead back to a day,
 * and rejects the whole of a file out of shape in any way; the writer
 * writes only what the parser takes back, replaces the file at once with
 * mode 0600 and leaves the old one when it cannot; the reader takes only
 * a regular file no one else can write.  Files live in a fresh directory
 * per test.
 */
#include <sys/stat.h>

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../privd/daemon.h"
#include "fixture.h"

#define NOW	((time_t)1700000000)
/* The time in fixtures/denylist/denylist. */
#define FIXTURE_UNTIL	((time_t)1795774335)

static char	tmpdir[256];
static int	tfd = -1;

static void
make_tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof(tmpdir), "%s/hostql-denylist.XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	ck_assert_int_ge(tfd = open(tmpdir, O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC), 0);
}

/* The tests make nothing but these, and nothing inside them. */
static void
remove_tmpdir(void)
{
	static const char *names[] = { DENYLIST_FILE, "denylist.tmp" };
	size_t i;

	if (tfd == -1)
		return;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (unlinkat(tfd, names[i], 0) == -1 && errno == EISDIR)
			unlinkat(tfd, names[i], AT_REMOVEDIR);
	close(tfd);
	tfd = -1;
	rmdir(tmpdir);
}

static void
put_file(const char *name, const char *text, size_t len, mode_t mode)
{
	int fd;

	ck_assert_int_ge(fd = openat(tfd, name, O_WRONLY | O_CREAT |
	    O_TRUNC | O_CLOEXEC, mode), 0);
	ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
	ck_assert_int_eq(fchmod(fd, mode), 0);
	close(fd);
}

static char *
get_file(const char *name, size_t *len)
{
	static char buf[2 * DENYLIST_FILE_MAX];
	ssize_t n;
	int fd;

	ck_assert_int_ge(fd = openat(tfd, name, O_RDONLY | O_CLOEXEC), 0);
	ck_assert_int_ge(n = read(fd, buf, sizeof(buf) - 1), 0);
	close(fd);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static size_t
parse_ok(const char *text, size_t len, time_t now, struct denied *out,
    size_t max)
{
	char err[128] = "";
	size_t n = 99;

	ck_assert_msg(denylist_parse(text, len, now, out, max, &n, err,
	    sizeof(err)) == 0, "'%.*s' rejected: %s", (int)len, text, err);
	return n;
}

static void
parse_fails(const char *text, size_t len, size_t max, const char *why)
{
	struct denied out[DENYLIST_MAX];
	char err[128] = "";
	size_t n = 99;

	ck_assert_msg(denylist_parse(text, len, NOW, out, max, &n, err,
	    sizeof(err)) == -1, "'%.*s' taken", (int)len, text);
	ck_assert_uint_eq(n, 0);
	ck_assert_msg(strstr(err, why) != NULL, "'%.*s': '%s', want '%s'",
	    (int)len, text, err, why);
}

#define PARSE_FAILS(text, why)	parse_fails(text, sizeof(text) - 1, \
				    DENYLIST_MAX, why)

START_TEST(parse_in_force)
{
	static const char text[] =
	    "1700000100 greedy\n"
	    "1699999999 gone\n"
	    "1700000000 ends now\n"
	    "1700086400 pack_one_query with spaces  \n"
	    "1700050000 caf\xc3\xa9\n";
	struct denied out[DENYLIST_MAX];
	size_t n;

	n = parse_ok(text, sizeof(text) - 1, NOW, out, DENYLIST_MAX);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(out[0].name, "greedy");
	ck_assert_int_eq(out[0].until, 1700000100);
	ck_assert_str_eq(out[1].name, "pack_one_query with spaces  ");
	ck_assert_int_eq(out[1].until, NOW + DENYLIST_SECONDS);
	ck_assert_str_eq(out[2].name, "caf\xc3\xa9");
	ck_assert_int_eq(out[2].until, 1700050000);
	ck_assert_uint_eq(parse_ok("", 0, NOW, out, DENYLIST_MAX), 0);
	/* Expired lines count for nothing, even past the limit. */
	ck_assert_uint_eq(parse_ok(text, sizeof(text) - 1, NOW + 200000,
	    out, 0), 0);
}
END_TEST

/* A clock set back must not stretch an entry past a day. */
START_TEST(parse_brings_back_to_a_day)
{
	static const char text[] = "1700086401 a\n9999999999999999999 b\n";
	struct denied out[2];

	ck_assert_uint_eq(parse_ok(text, sizeof(text) - 1, NOW, out, 2), 2);
	ck_assert_int_eq(out[0].until, NOW + DENYLIST_SECONDS);
	ck_assert_int_eq(out[1].until, NOW + DENYLIST_SECONDS);
}
END_TEST

START_TEST(parse_rejects_malformed)
{
	char name[300], text[400];

	PARSE_FAILS("1700000100 greedy", "line 1 does not end in a newline");
	PARSE_FAILS("1700000100 a\n1700000100 b", "line 2 does not end");
	PARSE_FAILS("\n", "line 1 does not start with a time");
	PARSE_FAILS("greedy\n", "line 1 does not start with a time");
	PARSE_FAILS(" 1700000100 greedy\n", "does not start with a time");
	PARSE_FAILS("-1700000100 greedy\n", "does not start with a time");
	PARSE_FAILS("+1700000100 greedy\n", "does not start with a time");
	PARSE_FAILS("01700000100 greedy\n", "does not start with a time");
	PARSE_FAILS("0x65 greedy\n", "line 1 has no space after its time");
	PARSE_FAILS("17000001000000000000 greedy\n",
	    "does not start with a time");
	PARSE_FAILS("99999999999999999999999 greedy\n",
	    "does not start with a time");
	PARSE_FAILS("1700000100\n", "line 1 has no space after its time");
	PARSE_FAILS("1700000100greedy\n", "has no space after its time");
	PARSE_FAILS("1700000100\tgreedy\n", "has no space after its time");
	PARSE_FAILS("1700000100 \n", "line 1 has no query name");
	PARSE_FAILS("1700000100 gree\tdy\n", "control characters");
	PARSE_FAILS("1700000100 greedy\r\n", "control characters");
	PARSE_FAILS("1700000100 gree\x7f" "dy\n", "control characters");
	PARSE_FAILS("1700000100 a\n1700000100 gree\0dy\n",
	    "line 2 has no query name");
	/* 255 bytes fit the name, 256 do not. */
	memset(name, 'q', 255);
	name[255] = '\0';
	snprintf(text, sizeof(text), "1700000100 %s\n", name);
	parse_ok(text, strlen(text), NOW, (struct denied[1]){ 0 }, 1);
	snprintf(text, sizeof(text), "1700000100 %sq\n", name);
	parse_fails(text, strlen(text), DENYLIST_MAX, "too long");
}
END_TEST

START_TEST(parse_rejects_too_much)
{
	static const char two[] = "1700000100 a\n1700000100 b\n";
	char *big;

	parse_fails(two, sizeof(two) - 1, 1, "more than 1 entries");
	ck_assert_ptr_nonnull(big = malloc(DENYLIST_FILE_MAX + 1));
	memset(big, '\n', DENYLIST_FILE_MAX + 1);
	parse_fails(big, DENYLIST_FILE_MAX + 1, DENYLIST_MAX, "larger than");
	free(big);
}
END_TEST

/* A file as hostqld wrote it after the watchdog took a worker down. */
START_TEST(parse_fixture)
{
	struct denied out[DENYLIST_MAX];
	size_t len, n;
	char *text = fixture_load("denylist", "denylist", &len);

	/* Read a minute after it was written, and when its day is over. */
	n = parse_ok(text, len, FIXTURE_UNTIL - DENYLIST_SECONDS + 60, out,
	    DENYLIST_MAX);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(out[0].name, "greedy");
	ck_assert_int_eq(out[0].until, FIXTURE_UNTIL);
	ck_assert_uint_eq(parse_ok(text, len, FIXTURE_UNTIL, out,
	    DENYLIST_MAX), 0);
	free(text);
}
END_TEST

START_TEST(format_what_parse_takes)
{
	struct denied in[4] = {
		{ "greedy", NOW + 100 },
		{ "expired", NOW },
		{ "two\nlines", NOW + 100 },
		{ "with spaces", NOW + 200 },
	};
	struct denied out[DENYLIST_MAX];
	char buf[256];
	size_t len;

	ck_assert_int_eq(denylist_format(in, 4, NOW, buf, sizeof(buf), &len),
	    0);
	ck_assert_uint_eq(len, strlen("1700000100 greedy\n"
	    "1700000200 with spaces\n"));
	ck_assert(memcmp(buf, "1700000100 greedy\n1700000200 with spaces\n",
	    len) == 0);
	ck_assert_uint_eq(parse_ok(buf, len, NOW, out, DENYLIST_MAX), 2);
	ck_assert_str_eq(out[1].name, "with spaces");
	ck_assert_int_eq(out[1].until, NOW + 200);
	ck_assert_int_eq(denylist_format(in, 4, NOW, buf, 20, &len), -1);
	ck_assert_int_eq(denylist_format(in, 0, NOW, buf, 0, &len), 0);
	ck_assert_uint_eq(len, 0);
}
END_TEST

/* The largest list there can be fits the file and comes back whole. */
START_TEST(format_full_list)
{
	static struct denied in[DENYLIST_MAX], out[DENYLIST_MAX];
	static char buf[DENYLIST_FILE_MAX];
	size_t i, len;

	for (i = 0; i < DENYLIST_MAX; i++) {
		memset(in[i].name, 'a' + (int)(i % 26), sizeof(in[i].name) - 1);
		in[i].until = (time_t)999999999999999999LL;
	}
	ck_assert_int_eq(denylist_format(in, DENYLIST_MAX, NOW, buf,
	    sizeof(buf), &len), 0);
	ck_assert_uint_eq(parse_ok(buf, len, NOW, out, DENYLIST_MAX),
	    DENYLIST_MAX);
	ck_assert_str_eq(out[DENYLIST_MAX - 1].name,
	    in[DENYLIST_MAX - 1].name);
}
END_TEST

START_TEST(write_then_read)
{
	struct denied in[2] = {
		{ "greedy", NOW + 100 },
		{ "other", NOW + 50 },
	};
	struct denied out[DENYLIST_MAX];
	char err[128], *text;
	struct stat st;
	size_t len, n;

	make_tmpdir();
	ck_assert_int_eq(denylist_read(tfd, NOW, out, DENYLIST_MAX, &n, err,
	    sizeof(err)), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(denylist_write(tfd, in, 2, NOW), 0);
	ck_assert_int_eq(fstatat(tfd, DENYLIST_FILE, &st,
	    AT_SYMLINK_NOFOLLOW), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_assert_int_eq(st.st_mode & 07777, 0600);
	ck_assert_int_eq(faccessat(tfd, "denylist.tmp", F_OK,
	    AT_EACCESS), -1);
	text = get_file(DENYLIST_FILE, &len);
	ck_assert_str_eq(text, "1700000100 greedy\n1700000050 other\n");
	ck_assert_int_eq(denylist_read(tfd, NOW + 60, out, DENYLIST_MAX,
	    &n, err, sizeof(err)), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(out[0].name, "greedy");
	/* The next write replaces the file, and drops what has expired. */
	ck_assert_int_eq(denylist_write(tfd, in, 2, NOW + 60), 0);
	text = get_file(DENYLIST_FILE, &len);
	ck_assert_str_eq(text, "1700000100 greedy\n");
	ck_assert_int_eq(denylist_write(tfd, in, 2, NOW + 100), 0);
	text = get_file(DENYLIST_FILE, &len);
	ck_assert_uint_eq(len, 0);
	remove_tmpdir();
}
END_TEST

/* What a crash left under the temporary name does not matter. */
START_TEST(write_over_leftover)
{
	struct denied in[1] = { { "greedy", NOW + 100 } };
	struct stat st;
	size_t len;

	make_tmpdir();
	put_file("denylist.tmp", "garbage, long enough to be seen\n", 32,
	    0666);
	ck_assert_int_eq(denylist_write(tfd, in, 1, NOW), 0);
	ck_assert_str_eq(get_file(DENYLIST_FILE, &len), "1700000100 greedy\n");
	ck_assert_int_eq(fstatat(tfd, DENYLIST_FILE, &st, 0), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0600);
	remove_tmpdir();
}
END_TEST

/* A write that cannot be made leaves the old file as it was. */
START_TEST(write_failure_keeps_old)
{
	struct denied in[1] = { { "new", NOW + 100 } };
	size_t len;

	make_tmpdir();
	put_file(DENYLIST_FILE, "1700000100 old\n", 15, 0600);
	ck_assert_int_eq(mkdirat(tfd, "denylist.tmp", 0700), 0);
	ck_assert_int_eq(denylist_write(tfd, in, 1, NOW), -1);
	ck_assert_str_eq(get_file(DENYLIST_FILE, &len), "1700000100 old\n");
	remove_tmpdir();
}
END_TEST

static void
read_fails(const char *why)
{
	struct denied out[DENYLIST_MAX];
	char err[128] = "";
	size_t n = 99;

	ck_assert_int_eq(denylist_read(tfd, NOW, out, DENYLIST_MAX, &n, err,
	    sizeof(err)), -1);
	ck_assert_uint_eq(n, 0);
	ck_assert_msg(strstr(err, why) != NULL, "'%s', want '%s'", err, why);
}

START_TEST(read_only_its_own_file)
{
	static const char line[] = "1700000100 greedy\n";
	char *big;

	make_tmpdir();
	put_file(DENYLIST_FILE, line, sizeof(line) - 1, 0620);
	read_fails("only its owner");
	put_file(DENYLIST_FILE, line, sizeof(line) - 1, 0602);
	read_fails("only its owner");
	put_file("denylist.tmp", line, sizeof(line) - 1, 0600);
	ck_assert_int_eq(unlinkat(tfd, DENYLIST_FILE, 0), 0);
	ck_assert_int_eq(symlinkat("denylist.tmp", tfd, DENYLIST_FILE), 0);
	read_fails("");
	ck_assert_int_eq(unlinkat(tfd, DENYLIST_FILE, 0), 0);
	ck_assert_int_eq(mkfifoat(tfd, DENYLIST_FILE, 0600), 0);
	read_fails("not a regular file");
	ck_assert_int_eq(unlinkat(tfd, DENYLIST_FILE, 0), 0);
	ck_assert_int_eq(mkdirat(tfd, DENYLIST_FILE, 0700), 0);
	read_fails("not a regular file");
	ck_assert_int_eq(unlinkat(tfd, DENYLIST_FILE, AT_REMOVEDIR), 0);
	ck_assert_ptr_nonnull(big = malloc(2 * DENYLIST_FILE_MAX));
	memset(big, '\n', 2 * DENYLIST_FILE_MAX);
	put_file(DENYLIST_FILE, big, 2 * DENYLIST_FILE_MAX, 0600);
	free(big);
	read_fails("larger than");
	put_file(DENYLIST_FILE, "1700000100 a\n17", 15, 0600);
	read_fails("line 2 does not end in a newline");
	remove_tmpdir();
}
END_TEST

Suite	*suite_denylist(void);

Suite *
suite_denylist(void)
{
	Suite *s = suite_create("denylist");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, parse_in_force);
	tcase_add_test(tc, parse_brings_back_to_a_day);
	tcase_add_test(tc, parse_rejects_malformed);
	tcase_add_test(tc, parse_rejects_too_much);
	tcase_add_test(tc, parse_fixture);
	tcase_add_test(tc, format_what_parse_takes);
	tcase_add_test(tc, format_full_list);
	tcase_add_test(tc, write_then_read);
	tcase_add_test(tc, write_over_leftover);
	tcase_add_test(tc, write_failure_keeps_old);
	tcase_add_test(tc, read_only_its_own_file);
	suite_add_tcase(s, tc);
	return s;
}

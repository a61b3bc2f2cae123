/*
 * RPM headers: the header of a package built here by rpmbuild and
 * installed with rpm --justdb, as the database stored it, then the same
 * header broken every way its counts and offsets can be; and the SQLite
 * connection over a descriptor, on a database in WAL mode as rpm leaves
 * it.
 */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../../tables/rpmheader.h"
#include "../../tables/sqlitefd.h"
#include "fixture.h"

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* The index entry of tag in a blob, to break it. */
static unsigned char *
entry(unsigned char *blob, uint32_t tag)
{
	uint32_t i, il = get32(blob);

	for (i = 0; i < il; i++)
		if (get32(blob + 8 + 16 * i) == tag)
			return blob + 8 + 16 * i;
	ck_abort_msg("no tag %u", tag);
	return NULL;
}

static int
span_is(struct span s, const char *want)
{
	return txt_eq(s, want);
}

START_TEST(package_header)
{
	struct rpmhdr h;
	struct rpmhdr_value v;
	struct rpmhdr_strings s;
	struct span str;
	uint64_t n;
	size_t len;
	char *blob = fixture_load("rpm", "hostql-test.hdr", &len);

	ck_assert_int_eq(rpmhdr_open(blob, len, &h), 0);
	ck_assert_int_eq(rpmhdr_string(&h, RPMTAG_NAME, &str), 0);
	ck_assert(span_is(str, "hostql-test"));
	ck_assert_int_eq(rpmhdr_string(&h, RPMTAG_VERSION, &str), 0);
	ck_assert(span_is(str, "1.2.3"));
	ck_assert_int_eq(rpmhdr_string(&h, RPMTAG_RELEASE, &str), 0);
	ck_assert(span_is(str, "4"));
	ck_assert_int_eq(rpmhdr_string(&h, RPMTAG_ARCH, &str), 0);
	ck_assert(span_is(str, "noarch"));
	ck_assert_int_eq(rpmhdr_string(&h, RPMTAG_SOURCERPM, &str), 0);
	ck_assert(span_is(str, "hostql-test-1.2.3-4.src.rpm"));
	/* An I18NSTRING reads as its first string. */
	ck_assert_int_eq(rpmhdr_string(&h, RPMTAG_GROUP, &str), 0);
	ck_assert(span_is(str, "Applications/System"));
	ck_assert_int_eq(rpmhdr_string(&h, RPMTAG_SHA1HEADER, &str), 0);
	ck_assert(span_is(str, "765552078958929542cc49c85b3dbd2678680a35"));
	ck_assert_int_eq(rpmhdr_number(&h, RPMTAG_EPOCH, &n), 0);
	ck_assert(n == 2);
	ck_assert_int_eq(rpmhdr_number(&h, RPMTAG_SIZE, &n), 0);
	ck_assert(n == 24);
	ck_assert_int_eq(rpmhdr_number(&h, RPMTAG_FILEDIGESTALGO, &n), 0);
	ck_assert(n == RPM_DIGEST_SHA256);
	ck_assert_int_eq(rpmhdr_number(&h, RPMTAG_LONGSIZE, &n), -1);
	/* A string tag is no number and a number tag no string. */
	ck_assert_int_eq(rpmhdr_number(&h, RPMTAG_NAME, &n), -1);
	ck_assert_int_eq(rpmhdr_string(&h, RPMTAG_SIZE, &str), -1);

	ck_assert_int_eq(rpmhdr_get(&h, RPMTAG_BASENAMES, &v), 0);
	ck_assert_uint_eq(v.count, 3);
	ck_assert_int_eq(rpmhdr_strings(&v, &s), 0);
	ck_assert(rpmhdr_strings_next(&s, &str) && span_is(str, "hostql-test"));
	ck_assert(rpmhdr_strings_next(&s, &str) && span_is(str, "hello.txt"));
	ck_assert(rpmhdr_strings_next(&s, &str) && span_is(str, "run.sh"));
	ck_assert(!rpmhdr_strings_next(&s, &str));
	ck_assert_int_eq(rpmhdr_get(&h, RPMTAG_DIRINDEXES, &v), 0);
	ck_assert(rpmhdr_value_number(&v, 0) == 0 &&
	    rpmhdr_value_number(&v, 1) == 1 && rpmhdr_value_number(&v, 3) == 0);
	ck_assert_int_eq(rpmhdr_get(&h, RPMTAG_FILEMODES, &v), 0);
	ck_assert_uint_eq(v.type, RPM_INT16_TYPE);
	ck_assert(rpmhdr_value_number(&v, 0) == 040755);
	ck_assert(rpmhdr_value_number(&v, 1) == 0100644);
	ck_assert(rpmhdr_value_number(&v, 2) == 0100755);
	ck_assert_int_eq(rpmhdr_strings(&v, &s), -1);
	free(blob);
}
END_TEST

/* Open a copy of the fixture broken by fn; the result of a lookup. */
static void
broken(void (*fn)(unsigned char *, size_t *), int open_rc, uint32_t tag,
    int get_rc)
{
	struct rpmhdr h;
	struct rpmhdr_value v;
	size_t len;
	char *blob = fixture_load("rpm", "hostql-test.hdr", &len);

	fn((unsigned char *)blob, &len);
	ck_assert_int_eq(rpmhdr_open(blob, len, &h), open_rc);
	if (open_rc == 0)
		ck_assert_int_eq(rpmhdr_get(&h, tag, &v), get_rc);
	free(blob);
}

static void
cut_short(unsigned char *b, size_t *len)
{
	(void)b;
	*len -= 1;
}

static void
cut_to_nothing(unsigned char *b, size_t *len)
{
	(void)b;
	*len = 7;
}

static void
no_entries(unsigned char *b, size_t *len)
{
	(void)len;
	put32(b, 0);
}

static void
too_many_entries(unsigned char *b, size_t *len)
{
	(void)len;
	put32(b, 0x10000);
}

static void
huge_data(unsigned char *b, size_t *len)
{
	(void)len;
	put32(b + 4, 0xffffffff);
}

static void
name_past_data(unsigned char *b, size_t *len)
{
	(void)len;
	put32(entry(b, RPMTAG_NAME) + 8, get32(b + 4));
}

static void
name_at_last_byte(unsigned char *b, size_t *len)
{
	uint32_t dl = get32(b + 4), il = get32(b);

	(void)len;
	put32(entry(b, RPMTAG_NAME) + 8, dl - 1);
	b[8 + 16 * il + dl - 1] = 'x';	/* no NUL after it */
}

static void
many_basenames(unsigned char *b, size_t *len)
{
	(void)len;
	put32(entry(b, RPMTAG_BASENAMES) + 12, 0xffffffff);
}

static void
sizes_past_data(unsigned char *b, size_t *len)
{
	(void)len;
	put32(entry(b, RPMTAG_FILESIZES) + 12, 0x40000000);
}

static void
unknown_type(unsigned char *b, size_t *len)
{
	(void)len;
	put32(entry(b, RPMTAG_NAME) + 4, 42);
}

static void
string_of_two(unsigned char *b, size_t *len)
{
	(void)len;
	put32(entry(b, RPMTAG_NAME) + 12, 2);
}

static void
zero_count(unsigned char *b, size_t *len)
{
	(void)len;
	put32(entry(b, RPMTAG_SIZE) + 12, 0);
}

START_TEST(malformed_headers)
{
	struct rpmhdr h;

	broken(cut_short, -1, 0, 0);
	broken(cut_to_nothing, -1, 0, 0);
	broken(no_entries, -1, 0, 0);
	broken(too_many_entries, -1, 0, 0);
	broken(huge_data, -1, 0, 0);
	broken(name_past_data, 0, RPMTAG_NAME, -1);
	broken(name_at_last_byte, 0, RPMTAG_NAME, -1);
	broken(many_basenames, 0, RPMTAG_BASENAMES, -1);
	broken(sizes_past_data, 0, RPMTAG_FILESIZES, -1);
	broken(unknown_type, 0, RPMTAG_NAME, -1);
	broken(string_of_two, 0, RPMTAG_NAME, -1);
	broken(zero_count, 0, RPMTAG_SIZE, -1);
	ck_assert_int_eq(rpmhdr_open(NULL, 100, &h), -1);
}
END_TEST

START_TEST(number_widths)
{
	/* Two entries: INT64 and INT8, data of 9 bytes. */
	unsigned char b[8 + 32 + 9];
	struct rpmhdr h;
	struct rpmhdr_value v;
	uint64_t n;

	memset(b, 0, sizeof(b));
	put32(b, 2);
	put32(b + 4, 9);
	put32(b + 8, 5009);
	put32(b + 12, RPM_INT64_TYPE);
	put32(b + 16, 0);
	put32(b + 20, 1);
	put32(b + 24, 1003);
	put32(b + 28, RPM_INT8_TYPE);
	put32(b + 32, 8);
	put32(b + 36, 1);
	memcpy(b + 40, "\x00\x00\x00\x01\x00\x00\x00\x02\x07", 9);
	ck_assert_int_eq(rpmhdr_open(b, sizeof(b), &h), 0);
	ck_assert_int_eq(rpmhdr_number(&h, RPMTAG_LONGSIZE, &n), 0);
	ck_assert(n == 0x100000002ULL);
	ck_assert_int_eq(rpmhdr_number(&h, RPMTAG_EPOCH, &n), 0);
	ck_assert(n == 7);
	ck_assert_int_eq(rpmhdr_get(&h, RPMTAG_EPOCH, &v), 0);
	ck_assert(rpmhdr_value_number(&v, 1) == 0);
}
END_TEST

/* A database as rpm leaves one: WAL mode, a Packages and a Name table. */
static void
make_database(const char *path, const char *blob, size_t len)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "PRAGMA journal_mode = WAL; "
	    "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, "
	    "blob BLOB NOT NULL); CREATE TABLE Name (key TEXT NOT NULL, "
	    "hnum INTEGER NOT NULL, idx INTEGER NOT NULL)", NULL, NULL, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "INSERT INTO Packages (blob) "
	    "VALUES (?1)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_blob(st, 1, blob, (int)len, SQLITE_STATIC);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO Name VALUES "
	    "('hostql-test', 1, 0)", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(db), SQLITE_OK);
}

START_TEST(database_over_descriptor)
{
	char dir[] = "/tmp/hostql-rpmdb.XXXXXX", path[64], err[128];
	unsigned char head[20];
	struct sqlitefd *s;
	sqlite3_stmt *st;
	struct rpmhdr h;
	struct span name;
	size_t len;
	char *blob = fixture_load("rpm", "hostql-test.hdr", &len);
	int fd;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/rpmdb.sqlite", dir);
	make_database(path, blob, len);
	ck_assert_int_ge(fd = open(path, O_RDONLY), 0);
	ck_assert_int_eq(pread(fd, head, sizeof(head), 0),
	    (ssize_t)sizeof(head));
	ck_assert_int_eq(head[18], 2);	/* WAL mode on disk */
	/* Nothing but the descriptor is there to read. */
	unlink(path);
	ck_assert_ptr_nonnull(s = sqlitefd_open(fd, err, sizeof(err)));
	ck_assert_int_eq(sqlite3_prepare_v2(sqlitefd_db(s), "SELECT blob FROM "
	    "Packages WHERE hnum IN (SELECT hnum FROM Name WHERE key = "
	    "'hostql-test')", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(rpmhdr_open(sqlite3_column_blob(st, 0),
	    (size_t)sqlite3_column_bytes(st, 0), &h), 0);
	ck_assert_int_eq(rpmhdr_string(&h, RPMTAG_NAME, &name), 0);
	ck_assert(span_is(name, "hostql-test"));
	ck_assert_int_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	ck_assert_int_ne(sqlite3_exec(sqlitefd_db(s), "CREATE TABLE x (a)",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlitefd_close(s);
	close(fd);

	/* A file that is no database is refused with SQLite's reason. */
	snprintf(path, sizeof(path), "%s/junk", dir);
	ck_assert_int_ge(fd = open(path, O_RDWR | O_CREAT, 0600), 0);
	ck_assert_int_eq(write(fd, "not a database at all, not at all", 33),
	    33);
	ck_assert_ptr_null(sqlitefd_open(fd, err, sizeof(err)));
	ck_assert_str_eq(err, "file is not a database");
	close(fd);
	unlink(path);
	rmdir(dir);
	free(blob);
}
END_TEST

Suite	*suite_rpmheader(void);

Suite *
suite_rpmheader(void)
{
	Suite *s = suite_create("rpmheader");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, package_header);
	tcase_add_test(tc, malformed_headers);
	tcase_add_test(tc, number_widths);
	tcase_add_test(tc, database_over_descriptor);
	suite_add_tcase(s, tc);
	return s;
}

/*
 * The logger's store on a real SQLite file in a fresh directory: two
 * handles on one file, previous results and the chain's head surviving a
 * close and a reopen, a transaction rolled back leaving nothing, the spool
 * handing lines back in order and forgetting them by id, and a damaged
 * result blob refused.  store_open() names its file relative to the
 * current directory, so each test runs in a directory of its own (and
 * goes back where it was after).  The last test confines SQLite to a
 * directory descriptor with statevfs_install(), which changes SQLite's
 * system calls for the whole process: it does so in a child it forks, so
 * that no other test sees it, whether check forks or not.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../../logger/logger.h"
#include "../../logger/store.h"

static char	tmpdir[256];
static int	oldcwd = -1;

static void
enter_tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(tmpdir, sizeof(tmpdir), "%s/hostql-store.XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	ck_assert_int_ge(oldcwd = open(".", O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC), 0);
	ck_assert_int_eq(chdir(tmpdir), 0);
}

static void
leave_tmpdir(void)
{
	struct dirent *e;
	DIR *d;
	int fd;

	if (oldcwd == -1)
		return;
	if (fchdir(oldcwd) == -1)
		abort();
	close(oldcwd);
	oldcwd = -1;
	if ((fd = open(tmpdir, O_RDONLY | O_DIRECTORY)) == -1 ||
	    (d = fdopendir(fd)) == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlinkat(fd, e->d_name, 0);
	closedir(d);
	rmdir(tmpdir);
}

static struct store *
open_store(void)
{
	struct store *st;
	char err[256];

	st = store_open(err, sizeof(err));
	ck_assert_msg(st != NULL, "store_open: %s", err);
	return st;
}

static char *cols[] = { "pid", "name" };

static void
make_rows(struct rset *rs)
{
	char **row;

	rset_init(rs);
	ck_assert_int_eq(rset_set_columns(rs, cols, 2), 0);
	ck_assert_ptr_nonnull(row = rset_add_row(rs));
	row[0] = strdup("1");
	row[1] = strdup("init");
	ck_assert_ptr_nonnull(row = rset_add_row(rs));
	row[0] = strdup("");
	row[1] = NULL;
}

static void
assert_rows(const struct rset *rs)
{
	ck_assert_uint_eq(rs->ncols, 2);
	ck_assert_uint_eq(rs->nrows, 2);
	ck_assert_str_eq(rs->cols[1], "name");
	ck_assert_str_eq(rset_cell(rs, 0, 1), "init");
	ck_assert_str_eq(rset_cell(rs, 1, 0), "");
	ck_assert_ptr_null(rset_cell(rs, 1, 1));
}

START_TEST(store_creates_its_file)
{
	struct store *st;
	struct stat sb;

	st = open_store();
	ck_assert_int_eq(stat(STORE_FILE, &sb), 0);
	ck_assert(S_ISREG(sb.st_mode));
	ck_assert_int_eq(store_spool_count(st), 0);
	store_close(st);
	store_close(NULL);
}
END_TEST

/* Two handles on one file: what one commits the other reads. */
START_TEST(store_open_twice)
{
	struct store *a, *b;
	struct prev_result p;
	struct rset rows;

	a = open_store();
	b = open_store();
	make_rows(&rows);
	ck_assert_int_eq(store_begin(a), 0);
	ck_assert_int_eq(store_put_prev(a, "q", "SELECT 1", 0, 0, 1, &rows),
	    0);
	ck_assert_int_eq(store_commit(a), 0);
	ck_assert_int_eq(store_get_prev(b, "q", &p), 0);
	ck_assert_int_eq(p.found, 1);
	assert_rows(&p.rows);
	prev_result_free(&p);
	rset_free(&rows);
	store_close(a);
	store_close(b);
}
END_TEST

START_TEST(store_results_survive_reopen)
{
	struct store *st;
	struct prev_result p;
	struct rset rows;

	st = open_store();
	ck_assert_int_eq(store_get_prev(st, "q", &p), 0);
	ck_assert_int_eq(p.found, 0);
	prev_result_free(&p);
	make_rows(&rows);
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(store_put_prev(st, "q", "SELECT pid, name FROM x", 7,
	    3, 0xfedcba9876543210ull, &rows), 0);
	ck_assert_int_eq(store_put_prev(st, "snap", "SELECT 2", 0, 5, 9, NULL),
	    0);
	ck_assert_int_eq(store_commit(st), 0);
	store_close(st);

	st = open_store();
	ck_assert_int_eq(store_get_prev(st, "q", &p), 0);
	ck_assert_int_eq(p.found, 1);
	ck_assert_str_eq(p.sql, "SELECT pid, name FROM x");
	ck_assert(p.epoch == 7 && p.counter == 3);
	ck_assert(p.run_id == 0xfedcba9876543210ull);
	assert_rows(&p.rows);
	prev_result_free(&p);
	/* A snapshot query keeps its counters and no rows. */
	ck_assert_int_eq(store_get_prev(st, "snap", &p), 0);
	ck_assert_int_eq(p.found, 1);
	ck_assert(p.counter == 5 && p.run_id == 9);
	ck_assert_uint_eq(p.rows.nrows, 0);
	ck_assert_uint_eq(p.rows.ncols, 0);
	prev_result_free(&p);
	/* A new set replaces the old. */
	ck_assert_int_eq(store_put_prev(st, "q", "SELECT 3", 8, 0, 10, NULL),
	    0);
	ck_assert_int_eq(store_get_prev(st, "q", &p), 0);
	ck_assert_str_eq(p.sql, "SELECT 3");
	ck_assert_uint_eq(p.rows.nrows, 0);
	prev_result_free(&p);
	rset_free(&rows);
	store_close(st);
}
END_TEST

START_TEST(store_chain_survives_reopen)
{
	struct store *st;
	struct chain c, got;
	size_t i;

	st = open_store();
	ck_assert_int_eq(store_get_chain(st, &got), 0);
	ck_assert(got.seq == 0);
	for (i = 0; i < CHAIN_LINK_LEN; i++)
		ck_assert_int_eq(got.link[i], 0);
	c.seq = 123456789012ull;
	for (i = 0; i < CHAIN_LINK_LEN; i++)
		c.link[i] = (unsigned char)(i * 7 + 1);
	ck_assert_int_eq(store_put_chain(st, &c), 0);
	c.seq++;
	ck_assert_int_eq(store_put_chain(st, &c), 0);
	store_close(st);

	st = open_store();
	ck_assert_int_eq(store_get_chain(st, &got), 0);
	ck_assert(got.seq == c.seq);
	ck_assert_mem_eq(got.link, c.link, CHAIN_LINK_LEN);
	store_close(st);
}
END_TEST

/* A batch rolled back leaves no line, no head and no result. */
START_TEST(store_rollback_leaves_nothing)
{
	struct store *st;
	struct chain c = { 5, { 1 } }, got;
	struct prev_result p;

	st = open_store();
	ck_assert_int_eq(store_begin(st), 0);
	ck_assert_int_eq(store_spool_add(st, 0, 5, "{\"a\":1}", 7), 0);
	ck_assert_int_eq(store_put_chain(st, &c), 0);
	ck_assert_int_eq(store_put_prev(st, "q", "SELECT 1", 0, 0, 1, NULL),
	    0);
	store_rollback(st);
	/* Outside a transaction, a rollback does nothing. */
	store_rollback(st);
	ck_assert_int_eq(store_spool_count(st), 0);
	ck_assert_int_eq(store_get_chain(st, &got), 0);
	ck_assert(got.seq == 0);
	ck_assert_int_eq(store_get_prev(st, "q", &p), 0);
	ck_assert_int_eq(p.found, 0);
	prev_result_free(&p);
	/* A commit without a transaction fails and says so. */
	ck_assert_int_eq(store_commit(st), -1);
	ck_assert_ptr_nonnull(store_errmsg(st));
	store_close(st);
}
END_TEST

struct seen {
	int		n, stop_at;
	int64_t		id[16];
	int		stream[16];
	uint64_t	key[16];
	char		line[16][32];
	size_t		len[16];
};

static int
take(void *arg, int64_t id, int stream, uint64_t key, const char *line,
    size_t len)
{
	struct seen *s = arg;

	ck_assert_int_lt(s->n, 16);
	ck_assert_uint_le(len, sizeof(s->line[0]));
	s->id[s->n] = id;
	s->stream[s->n] = stream;
	s->key[s->n] = key;
	memcpy(s->line[s->n], line, len);
	s->len[s->n] = len;
	s->n++;
	return s->n == s->stop_at;
}

START_TEST(store_spool_order_and_delete)
{
	static const char *lines[] = { "{\"a\":1}", "{\"b\":2}",
	    "{\"c\":3}", "sig", "{\"d\":4}" };
	static const int streams[] = { 0, 2, 0, 3, 1 };
	struct store *st;
	struct seen s;
	int i;

	st = open_store();
	ck_assert_int_eq(store_begin(st), 0);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(store_spool_add(st, streams[i], 10 + i,
		    lines[i], strlen(lines[i])), 0);
	/* A line is bytes: a NUL inside is kept. */
	ck_assert_int_eq(store_spool_add(st, 0, 15, "x\0y", 3), 0);
	ck_assert_int_eq(store_commit(st), 0);
	store_close(st);

	st = open_store();
	ck_assert_int_eq(store_spool_count(st), 6);
	memset(&s, 0, sizeof(s));
	ck_assert_int_eq(store_spool_each(st, take, &s), 0);
	ck_assert_int_eq(s.n, 6);
	for (i = 0; i < 5; i++) {
		ck_assert_int_eq(s.stream[i], streams[i]);
		ck_assert(s.key[i] == (uint64_t)(10 + i));
		ck_assert_uint_eq(s.len[i], strlen(lines[i]));
		ck_assert_mem_eq(s.line[i], lines[i], s.len[i]);
		if (i > 0)
			ck_assert(s.id[i] > s.id[i - 1]);
	}
	ck_assert_uint_eq(s.len[5], 3);
	ck_assert_mem_eq(s.line[5], "x\0y", 3);

	/* The callback stops the walk. */
	memset(&s, 0, sizeof(s));
	s.stop_at = 2;
	ck_assert_int_eq(store_spool_each(st, take, &s), 0);
	ck_assert_int_eq(s.n, 2);

	/* What was written goes, up to an id; the rest stays in order. */
	ck_assert_int_eq(store_spool_delete(st, s.id[1]), 0);
	ck_assert_int_eq(store_spool_count(st), 4);
	memset(&s, 0, sizeof(s));
	ck_assert_int_eq(store_spool_each(st, take, &s), 0);
	ck_assert_int_eq(s.n, 4);
	ck_assert_mem_eq(s.line[0], "{\"c\":3}", 7);
	ck_assert_mem_eq(s.line[3], "x\0y", 3);
	ck_assert_int_eq(store_spool_delete(st, s.id[3]), 0);
	ck_assert_int_eq(store_spool_count(st), 0);
	/* Ids keep rising after the spool was emptied and reopened. */
	store_close(st);
	st = open_store();
	ck_assert_int_eq(store_spool_add(st, 0, 20, "{\"e\":5}", 7), 0);
	memset(&s, 0, sizeof(s));
	ck_assert_int_eq(store_spool_each(st, take, &s), 0);
	ck_assert_int_eq(s.n, 1);
	ck_assert(s.id[0] > 6);
	store_close(st);
}
END_TEST

/* A result blob the store did not write is refused, not half read. */
START_TEST(store_bad_blob_refused)
{
	struct store *st;
	struct prev_result p;
	sqlite3 *db;

	st = open_store();
	ck_assert_int_eq(store_put_prev(st, "q", "SELECT 1", 0, 0, 1, NULL),
	    0);
	ck_assert_int_eq(sqlite3_open(STORE_FILE, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "UPDATE results SET rows = "
	    "x'0100000005000000616263' WHERE name = 'q'", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	ck_assert_int_eq(store_get_prev(st, "q", &p), -1);
	ck_assert_int_eq(p.found, 0);
	ck_assert_ptr_null(p.sql);
	store_close(st);
}
END_TEST

/* What the child checks, one exit status per step. */
static int
confined_child(int dirfd)
{
	struct store *st;
	struct chain c = { 9, { 9 } };
	sqlite3 *db = NULL;
	char err[256];

	if (chdir("/") == -1)
		return 10;
	if (statevfs_install(dirfd) == -1)
		return 11;
	if ((st = store_open(err, sizeof(err))) == NULL)
		return 12;
	if (store_put_chain(st, &c) == -1)
		return 13;
	store_close(st);
	/* Only names directly beneath the directory exist. */
	if (sqlite3_open_v2("/sub/other.db", &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) == SQLITE_OK)
		return 14;
	sqlite3_close(db);
	return 0;
}

START_TEST(store_confined_to_dirfd)
{
	struct store *st;
	struct chain got;
	struct stat sb;
	pid_t pid;
	int dirfd, status, in_root;

	/* "/hostqld.db" is the child's name for the file here, never the
	 * one in the real root. */
	in_root = access("/" STORE_FILE, F_OK) == 0;
	ck_assert_int_ge(dirfd = open(".", O_RDONLY | O_DIRECTORY), 0);
	ck_assert_int_eq(mkdir("sub", 0700), 0);
	if ((pid = fork()) == 0)
		_exit(confined_child(dirfd));
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the confined store failed at step %d", WEXITSTATUS(status));
	close(dirfd);
	rmdir("sub");
	ck_assert_int_eq(access("/" STORE_FILE, F_OK) == 0, in_root);
	ck_assert_int_eq(stat(STORE_FILE, &sb), 0);
	ck_assert(sb.st_size > 0);
	/* The file the child wrote is the one here. */
	st = open_store();
	ck_assert_int_eq(store_get_chain(st, &got), 0);
	ck_assert(got.seq == 9 && got.link[0] == 9);
	store_close(st);
}
END_TEST

Suite	*suite_store(void);

Suite *
suite_store(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, enter_tmpdir, leave_tmpdir);
	tcase_add_test(tc, store_creates_its_file);
	tcase_add_test(tc, store_open_twice);
	tcase_add_test(tc, store_results_survive_reopen);
	tcase_add_test(tc, store_chain_survives_reopen);
	tcase_add_test(tc, store_rollback_leaves_nothing);
	tcase_add_test(tc, store_spool_order_and_delete);
	tcase_add_test(tc, store_bad_blob_refused);
	tcase_add_test(tc, store_confined_to_dirfd);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return s;
}

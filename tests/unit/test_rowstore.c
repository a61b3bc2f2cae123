/*
 * The packed rows of a scan (worker/rowstore.c) read back as written:
 * every type, NULL, empty and long texts, a value set twice in a row,
 * types that change from row to row, rows of no column, rows larger than
 * a chunk; and through the virtual table layer, the columns a query
 * reads, count(*), and a join served from the scan memo.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/table.h"
#include "../../worker/rowstore.h"
#include "../../worker/vtab.h"

#define NSLOTS		5
#define NROWS		60000
#define HUGE_ROW	40000		/* a text larger than a chunk */
#define HUGE_LEN	(300u << 10)

struct want {
	int		 type;
	int64_t		 i;
	double		 d;
	const char	*s;
	size_t		 n;
};

/* Text of length n, each byte c. */
static const char *
repeated(char *buf, int c, size_t n)
{
	memset(buf, c, n);
	return buf;
}

static void
want_text(struct want *w, const char *s, size_t n)
{
	w->type = SQLITE_TEXT;
	w->s = s;
	w->n = n;
}

/* Row i's value of a slot; buf holds its text (HUGE_LEN bytes). */
static void
value_of(unsigned int i, int slot, struct want *w, char *buf)
{
	memset(w, 0, sizeof(*w));
	w->type = SQLITE_NULL;
	switch (slot) {
	case 0:
		w->type = SQLITE_INTEGER;
		w->i = i % 97 == 0 ? INT64_MIN : i % 89 == 0 ? INT64_MAX :
		    i % 5 == 1 ? -(int64_t)i : (int64_t)(i / 3);
		break;
	case 1:
		if (i % 13 == 0)
			break;
		if (i % 11 == 0)
			want_text(w, buf, 0);
		else
			want_text(w, buf, (size_t)snprintf(buf, 128,
			    "/usr/share/doc/pkg%u/file%u", i / 50, i));
		break;
	case 2:
		if (i == HUGE_ROW)
			want_text(w, repeated(buf, 'h', HUGE_LEN), HUGE_LEN);
		else if (i % 1000 == 7 || i % 1000 == 8)
			want_text(w, repeated(buf, 'a' + (int)(i % 26), 5000 +
			    i % 3), 5000 + i % 3);
		else
			want_text(w, buf, (size_t)snprintf(buf, 128, "pkg%u",
			    i / 50));
		break;
	case 3:
		w->type = SQLITE_FLOAT;
		w->d = i % 17 == 0 ? NAN : i % 19 == 0 ? -0.0 :
		    (double)(i / 4) * 0.5;
		break;
	default:
		if (i % 4 == 0) {
			w->type = SQLITE_INTEGER;
			w->i = 12;
		} else if (i % 4 == 1)
			want_text(w, buf, (size_t)snprintf(buf, 128, "12"));
		else if (i % 4 == 3) {
			w->type = SQLITE_FLOAT;
			w->d = 12.0;
		}
		break;
	}
}

static void
put(struct rowstore *rs, int slot, const struct want *w)
{
	switch (w->type) {
	case SQLITE_INTEGER:
		rowstore_int(rs, slot, w->i);
		break;
	case SQLITE_FLOAT:
		rowstore_double(rs, slot, w->d);
		break;
	case SQLITE_TEXT:
		if (rowstore_text(rs, slot, w->s, w->n) == -1)
			ck_abort_msg("out of memory");
		break;
	}
}

/* Plain tests in the loops: each ck_assert costs check a write. */
static void
check_cell(const struct cell *c, const struct want *w, unsigned int row,
    int slot)
{
	if (c == NULL)
		ck_abort_msg("row %u slot %d: no cell", row, slot);
	if (c->type != w->type)
		ck_abort_msg("row %u slot %d: type %d, not %d", row, slot,
		    c->type, w->type);
	if (w->type == SQLITE_INTEGER && c->i != w->i)
		ck_abort_msg("row %u slot %d: %lld", row, slot,
		    (long long)c->i);
	if (w->type == SQLITE_FLOAT &&
	    memcmp(&c->d, &w->d, sizeof(w->d)) != 0)
		ck_abort_msg("row %u slot %d: %g", row, slot, c->d);
	if (w->type == SQLITE_TEXT && (c->n != w->n ||
	    (w->n > 0 && memcmp(c->s, w->s, w->n) != 0)))
		ck_abort_msg("row %u slot %d: '%.*s'", row, slot,
		    (int)c->n, c->s);
}

START_TEST(rows_read_back)
{
	struct rowstore rs;
	struct rowreader r;
	struct want w;
	char *buf = malloc(HUGE_LEN);
	unsigned int i;
	int slot;

	ck_assert_ptr_nonnull(buf);
	memset(&rs, 0, sizeof(rs));
	memset(&r, 0, sizeof(r));
	for (i = 0; i < NROWS; i++) {
		if (rowstore_begin(&rs, NSLOTS) == -1)
			ck_abort_msg("out of memory");
		/* A value set twice: the last one is kept (the API has no
		 * way back to NULL). */
		if (i % 7 == 0 && i % 13 != 0 &&
		    rowstore_text(&rs, 1, "junk", 4) == -1)
			ck_abort_msg("out of memory");
		if (i % 9 == 0)
			rowstore_int(&rs, 2, 5);
		if (i % 8 == 0)
			rowstore_double(&rs, 0, 1.5);
		for (slot = 0; slot < NSLOTS; slot++) {
			value_of(i, slot, &w, buf);
			put(&rs, slot, &w);
		}
		if (rowstore_end(&rs) == -1)
			ck_abort_msg("out of memory");
	}
	ck_assert_uint_eq(rs.nrows, NROWS);

	/* Twice: a reader starts over. */
	for (slot = 0; slot < 2; slot++) {
		ck_assert_int_eq(rowreader_start(&r, &rs), 0);
		for (i = 0; !rowreader_eof(&r); i++, rowreader_next(&r)) {
			int k;

			if (r.row != i)
				ck_abort_msg("row %zu, not %u", r.row, i);
			for (k = 0; k < NSLOTS; k++) {
				value_of(i, k, &w, buf);
				check_cell(rowreader_cell(&r, k), &w, i, k);
			}
		}
		ck_assert_uint_eq(i, NROWS);
		ck_assert_ptr_null(rowreader_cell(&r, NSLOTS));
		ck_assert_ptr_null(rowreader_cell(&r, -1));
	}
	rowreader_free(&r);
	rowstore_free(&rs);
	ck_assert_uint_eq(rs.nrows, 0);
	free(buf);
}
END_TEST

START_TEST(rows_without_columns)
{
	struct rowstore rs;
	struct rowreader r;
	unsigned int i;

	memset(&rs, 0, sizeof(rs));
	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(rowreader_start(&r, &rs), 0);
	ck_assert_int_eq(rowreader_eof(&r), 1);
	for (i = 0; i < 100000; i++)
		if (rowstore_begin(&rs, 0) == -1 || rowstore_end(&rs) == -1)
			ck_abort_msg("out of memory");
	ck_assert_ptr_null(rs.head);
	ck_assert_int_eq(rowreader_start(&r, &rs), 0);
	for (i = 0; !rowreader_eof(&r); i++)
		rowreader_next(&r);
	ck_assert_uint_eq(i, 100000);
	rowreader_next(&r);
	ck_assert_int_eq(rowreader_eof(&r), 1);
	rowreader_free(&r);
	rowstore_free(&rs);
}
END_TEST

START_TEST(empty_texts)
{
	struct rowstore rs;
	struct rowreader r;
	const struct cell *c;
	int i;

	/* No text byte is ever staged: each text is empty. */
	memset(&rs, 0, sizeof(rs));
	memset(&r, 0, sizeof(r));
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(rowstore_begin(&rs, 2), 0);
		ck_assert_int_eq(rowstore_text(&rs, i % 2, "", 0), 0);
		ck_assert_int_eq(rowstore_end(&rs), 0);
	}
	ck_assert_int_eq(rowreader_start(&r, &rs), 0);
	for (i = 0; i < 3; i++, rowreader_next(&r)) {
		ck_assert_int_eq(rowreader_eof(&r), 0);
		c = rowreader_cell(&r, i % 2);
		ck_assert_int_eq(c->type, SQLITE_TEXT);
		ck_assert_uint_eq(c->n, 0);
		c = rowreader_cell(&r, (i + 1) % 2);
		ck_assert_int_eq(c->type, SQLITE_NULL);
	}
	ck_assert_int_eq(rowreader_eof(&r), 1);
	rowreader_free(&r);
	rowstore_free(&rs);
}
END_TEST

/* A table through the virtual table layer. */

enum { V_K, V_NAME, V_PATH, V_SIZE, V_NOTE };

static const struct column vt_columns[] = {
	[V_K] = { "k", COL_INTEGER, COL_INDEX, NULL, "Key" },
	[V_NAME] = { "name", COL_TEXT, COL_INDEX, NULL, "Name" },
	[V_PATH] = { "path", COL_TEXT, 0, NULL, "Path" },
	[V_SIZE] = { "size", COL_DOUBLE, 0, NULL, "Size" },
	[V_NOTE] = { "note", COL_TEXT, COL_HIDDEN, NULL, "Note" },
};

#define VT_ROWS		300

static int
vt_generate(struct gen_ctx *ctx)
{
	char buf[64];
	int i;

	for (i = 0; i < VT_ROWS; i++) {
		row_begin(ctx);
		/* Every column, used or not: the layer drops the rest. */
		row_int(ctx, V_K, i % 7);
		snprintf(buf, sizeof(buf), "n%d", i / 10);
		row_text(ctx, V_NAME, buf);
		snprintf(buf, sizeof(buf), "/p/n%d/%d", i / 10, i);
		row_text(ctx, V_PATH, buf);
		row_double(ctx, V_SIZE, i * 0.5);
		row_text_nonempty(ctx, V_NOTE, i % 2 ? "odd" : "");
		row_int(ctx, 99, 1);		/* no such column */
		if (row_end(ctx) == -1)
			return -1;
	}
	return 0;
}

static const struct table vt_table = {
	.name = "vt_rows",
	.description = "Rows to read back.",
	.example = "SELECT * FROM vt_rows",
	.columns = vt_columns,
	.ncolumns = NCOLUMNS(vt_columns),
	.generate = vt_generate,
};

static sqlite3 *
vt_open(struct vtab_env *env, struct vtab_module *mod)
{
	sqlite3 *db;

	memset(env, 0, sizeof(*env));
	mod->t = &vt_table;
	mod->env = env;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(vtab_register(db, mod), SQLITE_OK);
	return db;
}

/* The rows of sql, columns joined by '|', rows by ';'. */
static char *
rows_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	sqlite3_str *s = sqlite3_str_new(db);
	int c, rc;

	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (c = 0; c < sqlite3_column_count(st); c++)
			sqlite3_str_appendf(s, "%s%s", c ? "|" : "",
			    sqlite3_column_type(st, c) == SQLITE_NULL ? "NULL" :
			    (const char *)sqlite3_column_text(st, c));
		sqlite3_str_appendall(s, ";");
	}
	ck_assert_int_eq(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	return sqlite3_str_finish(s);
}

#define EXPECT_ROWS(db, sql, want)	do {				\
	char *got_ = rows_of(db, sql);					\
	ck_assert_str_eq(got_ != NULL ? got_ : "", want);		\
	sqlite3_free(got_);						\
} while (0)

START_TEST(vtab_columns_used)
{
	struct vtab_env env;
	struct vtab_module mod;
	sqlite3 *db = vt_open(&env, &mod);

	EXPECT_ROWS(db, "SELECT count(*) FROM vt_rows", "300;");
	EXPECT_ROWS(db, "SELECT * FROM vt_rows WHERE rowid BETWEEN 11 AND 12",
	    "4|n1|/p/n1/11|5.5;5|n1|/p/n1/12|6.0;");
	EXPECT_ROWS(db, "SELECT path, note FROM vt_rows LIMIT 3",
	    "/p/n0/0|NULL;/p/n0/1|odd;/p/n0/2|NULL;");
	EXPECT_ROWS(db, "SELECT size, k FROM vt_rows WHERE name = 'n29' AND "
	    "k = 0", "147.0|0;");
	EXPECT_ROWS(db, "SELECT count(*), sum(k), sum(size), "
	    "count(DISTINCT name), count(note) FROM vt_rows",
	    "300|897|22425.0|30|150;");
	EXPECT_ROWS(db, "SELECT max(rowid), min(rowid) FROM vt_rows",
	    "299|0;");
	sqlite3_close(db);
}
END_TEST

START_TEST(vtab_join_memo)
{
	struct vtab_env env;
	struct vtab_module mod;
	sqlite3 *db = vt_open(&env, &mod);

	/* The inner scan is filtered once per outer row; from the second
	 * filter on, the memo serves it. */
	vtab_statement_begin(&env);
	EXPECT_ROWS(db, "SELECT count(*), sum(b.size) FROM vt_rows AS a "
	    "JOIN vt_rows AS b ON b.k = a.k",
	    "12858|961135.5;");
	vtab_statement_begin(&env);
	EXPECT_ROWS(db, "SELECT a.path, b.path FROM vt_rows AS a "
	    "JOIN vt_rows AS b ON b.name = a.name AND b.k = a.k "
	    "WHERE a.rowid % 50 = 3", "/p/n0/3|/p/n0/3;/p/n5/53|/p/n5/53;"
	    "/p/n10/103|/p/n10/103;/p/n15/153|/p/n15/153;"
	    "/p/n20/203|/p/n20/203;/p/n25/253|/p/n25/253;");
	vtab_statement_begin(&env);
	sqlite3_close(db);
}
END_TEST

Suite	*suite_rowstore(void);

Suite *
suite_rowstore(void)
{
	Suite *s = suite_create("rowstore");
	TCase *tc = tcase_create("rowstore");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, rows_read_back);
	tcase_add_test(tc, rows_without_columns);
	tcase_add_test(tc, empty_texts);
	tcase_add_test(tc, vtab_columns_used);
	tcase_add_test(tc, vtab_join_memo);
	suite_add_tcase(s, tc);
	return s;
}

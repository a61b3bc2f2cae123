/*
 * Result sets: the store's blob form goes out and comes back unchanged,
 * every cut or altered blob is refused, and the differential counts rows
 * as a multiset of whole rows (repeats, NULL against the empty string,
 * column names, empty sets, large sets).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../logger/rset.h"

/* A set of ncols columns named by cols, and rows given as a flat list of
 * cells (NULL for SQL NULL). */
static void
make_set(struct rset *rs, char *const *cols, uint32_t ncols,
    const char *const *cells, size_t nrows)
{
	char **row;
	size_t r;
	uint32_t k;

	rset_init(rs);
	ck_assert_int_eq(rset_set_columns(rs, cols, ncols), 0);
	for (r = 0; r < nrows; r++) {
		ck_assert_ptr_nonnull(row = rset_add_row(rs));
		for (k = 0; k < ncols; k++)
			if (cells[r * ncols + k] != NULL)
				ck_assert_ptr_nonnull(row[k] =
				    strdup(cells[r * ncols + k]));
	}
}

static void
assert_same_set(const struct rset *a, const struct rset *b)
{
	size_t r;
	uint32_t k;
	const char *x, *y;

	ck_assert_uint_eq(a->ncols, b->ncols);
	ck_assert_uint_eq(a->nrows, b->nrows);
	for (k = 0; k < a->ncols; k++)
		ck_assert_str_eq(a->cols[k], b->cols[k]);
	for (r = 0; r < a->nrows; r++)
		for (k = 0; k < a->ncols; k++) {
			x = rset_cell(a, r, k);
			y = rset_cell(b, r, k);
			if (x == NULL || y == NULL)
				ck_assert_msg(x == y, "row %zu col %u: NULL "
				    "against a value", r, k);
			else
				ck_assert_str_eq(x, y);
		}
}

static char *cols3[] = { "pid", "name", "" };
static const char *cells3[] = {
	"1", "init", NULL,
	"", NULL, "x\001y\tz",
	"42", "caf\xc3\xa9", "\xff\xfe not utf-8",
};

START_TEST(rset_roundtrip)
{
	struct rset a, b;
	unsigned char *blob;
	size_t len;

	make_set(&a, cols3, 3, cells3, 3);
	ck_assert_int_eq(rset_encode(&a, &blob, &len), 0);
	ck_assert_int_eq(rset_decode(blob, len, &b), 0);
	assert_same_set(&a, &b);
	/* NULL stays NULL and the empty string stays a string. */
	ck_assert_ptr_null(rset_cell(&b, 0, 2));
	ck_assert_ptr_nonnull(rset_cell(&b, 1, 0));
	ck_assert_str_eq(rset_cell(&b, 1, 0), "");
	free(blob);
	rset_free(&a);
	rset_free(&b);
}
END_TEST

/* The layout rset.c documents, written by hand for one small set. */
START_TEST(rset_blob_layout)
{
	static const unsigned char want[] = {
		1, 0, 0, 0,  1, 0, 0, 0, 'a',
		2, 0, 0, 0,
		0,  2, 0, 0, 0, 'h', 'i',
		1,  0, 0, 0, 0,
	};
	static char *cols[] = { "a" };
	static const char *cells[] = { "hi", NULL };
	struct rset a;
	unsigned char *blob;
	size_t len;

	make_set(&a, cols, 1, cells, 2);
	ck_assert_int_eq(rset_encode(&a, &blob, &len), 0);
	ck_assert_uint_eq(len, sizeof(want));
	ck_assert_mem_eq(blob, want, len);
	free(blob);
	rset_free(&a);
}
END_TEST

START_TEST(rset_roundtrip_empty)
{
	struct rset a, b;
	unsigned char *blob;
	size_t len;

	/* No columns at all, then columns without rows. */
	rset_init(&a);
	ck_assert_int_eq(rset_encode(&a, &blob, &len), 0);
	ck_assert_uint_eq(len, 8);
	ck_assert_int_eq(rset_decode(blob, len, &b), 0);
	assert_same_set(&a, &b);
	free(blob);
	rset_free(&b);

	make_set(&a, cols3, 3, NULL, 0);
	ck_assert_int_eq(rset_encode(&a, &blob, &len), 0);
	ck_assert_int_eq(rset_decode(blob, len, &b), 0);
	assert_same_set(&a, &b);
	free(blob);
	rset_free(&a);
	rset_free(&b);
}
END_TEST

/* Every proper prefix of a blob is refused, and so is a blob with a byte
 * too many: the decoder checks every length against what is left. */
START_TEST(rset_truncations_refused)
{
	struct rset a, b;
	unsigned char *blob, *copy;
	size_t len, n;

	make_set(&a, cols3, 3, cells3, 3);
	ck_assert_int_eq(rset_encode(&a, &blob, &len), 0);
	for (n = 0; n < len; n++) {
		/* A copy of exactly n bytes, so that a read past it is an
		 * error the sanitizers see. */
		ck_assert_ptr_nonnull(copy = malloc(n ? n : 1));
		memcpy(copy, blob, n);
		ck_assert_msg(rset_decode(copy, n, &b) == -1,
		    "a blob cut to %zu of %zu bytes was taken", n, len);
		ck_assert_uint_eq(b.nrows, 0);
		ck_assert_uint_eq(b.ncols, 0);
		free(copy);
	}
	ck_assert_ptr_nonnull(copy = malloc(len + 1));
	memcpy(copy, blob, len);
	copy[len] = 0;
	ck_assert_int_eq(rset_decode(copy, len + 1, &b), -1);
	free(copy);
	free(blob);
	rset_free(&a);
}
END_TEST

static int
decode_bytes(const unsigned char *p, size_t n)
{
	struct rset b;
	int rc = rset_decode(p, n, &b);

	rset_free(&b);
	return rc;
}

START_TEST(rset_malformed_refused)
{
	/* A null flag other than 0 or 1. */
	static const unsigned char flag2[] = {
		1, 0, 0, 0, 1, 0, 0, 0, 'a', 1, 0, 0, 0, 2, 0, 0, 0, 0,
	};
	/* A NUL inside a string. */
	static const unsigned char nul[] = {
		1, 0, 0, 0, 3, 0, 0, 0, 'a', 0, 'b', 0, 0, 0, 0,
	};
	/* A string length beyond the blob, and one near 2^32. */
	static const unsigned char longer[] = {
		1, 0, 0, 0, 9, 0, 0, 0, 'a', 0, 0, 0, 0,
	};
	static const unsigned char huge[] = {
		1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 'a',
	};
	/* More columns than a set may have. */
	static const unsigned char many[] = {
		0x01, 0x04, 0, 0, 0, 0, 0, 0,
	};
	/* Rows announced that are not there. */
	static const unsigned char rows[] = {
		1, 0, 0, 0, 1, 0, 0, 0, 'a', 0xff, 0xff, 0xff, 0,
	};
	/* Rows without columns: nothing a worker can send, and 8 bytes
	 * that would make 2^24 rows. */
	static const unsigned char no_cols[] = {
		0, 0, 0, 0, 0, 0, 0, 1,
	};
	static const unsigned char good[] = {
		1, 0, 0, 0, 1, 0, 0, 0, 'a', 1, 0, 0, 0, 1, 0, 0, 0, 0,
	};

	ck_assert_int_eq(decode_bytes(good, sizeof(good)), 0);
	ck_assert_int_eq(decode_bytes(flag2, sizeof(flag2)), -1);
	ck_assert_int_eq(decode_bytes(nul, sizeof(nul)), -1);
	ck_assert_int_eq(decode_bytes(longer, sizeof(longer)), -1);
	ck_assert_int_eq(decode_bytes(huge, sizeof(huge)), -1);
	ck_assert_int_eq(decode_bytes(many, sizeof(many)), -1);
	ck_assert_int_eq(decode_bytes(rows, sizeof(rows)), -1);
	ck_assert_int_eq(decode_bytes(no_cols, sizeof(no_cols)), -1);
}
END_TEST

START_TEST(rset_limits)
{
	char *names[RSET_MAX_COLUMNS + 1];
	struct rset a;
	uint32_t i;

	for (i = 0; i <= RSET_MAX_COLUMNS; i++)
		names[i] = "c";
	rset_init(&a);
	ck_assert_int_eq(rset_set_columns(&a, names, RSET_MAX_COLUMNS + 1),
	    -1);
	ck_assert_int_eq(rset_set_columns(&a, names, RSET_MAX_COLUMNS), 0);
	/* Columns are set once. */
	ck_assert_int_eq(rset_set_columns(&a, names, 1), -1);
	rset_free(&a);
}
END_TEST

/* The rows a diff names, as "cell|cell" text sorted, for comparing. */
static char *
rows_text(const struct rset *rs, const size_t *idx, size_t n)
{
	char *out = NULL, *grown;
	size_t len = 0, i, add;
	uint32_t k;
	const char *c;

	ck_assert_ptr_nonnull(out = strdup(""));
	for (i = 0; i < n; i++) {
		if (i > 0)
			ck_assert_uint_gt(idx[i], idx[i - 1]);
		ck_assert_uint_lt(idx[i], rs->nrows);
		for (k = 0; k < rs->ncols; k++) {
			c = rset_cell(rs, idx[i], k);
			if (c == NULL)
				c = "<null>";
			add = strlen(c) + 2;
			ck_assert_ptr_nonnull(grown = realloc(out, len + add +
			    1));
			out = grown;
			snprintf(out + len, add + 1, "%s%s", c,
			    k + 1 == rs->ncols ? ";" : "|");
			len += add - 1;
		}
	}
	return out;
}

static void
assert_diff(const struct rset *old, const struct rset *new,
    const char *removed, const char *added)
{
	struct rset_diff d;
	char *r, *a;

	ck_assert_int_eq(rset_diff(old, new, &d), 0);
	r = rows_text(old, d.removed, d.nremoved);
	a = rows_text(new, d.added, d.nadded);
	ck_assert_str_eq(r, removed);
	ck_assert_str_eq(a, added);
	free(r);
	free(a);
	rset_diff_free(&d);
}

static char *col1[] = { "v" };

START_TEST(rset_diff_multiset)
{
	static const char *o[] = { "a", "a", "b", "c" };
	static const char *n[] = { "b", "a", "b", "d", "d" };
	struct rset old, new;

	make_set(&old, col1, 1, o, 4);
	make_set(&new, col1, 1, n, 5);
	/* One "a" of two went, one more "b" came, "c" went, two "d" came. */
	assert_diff(&old, &new, "a;c;", "b;d;d;");
	assert_diff(&new, &old, "b;d;d;", "a;c;");
	assert_diff(&old, &old, "", "");
	rset_free(&old);
	rset_free(&new);
}
END_TEST

START_TEST(rset_diff_indexes)
{
	static const char *o[] = { "x", "y", "x" };
	static const char *n[] = { "y" };
	struct rset old, new;
	struct rset_diff d;

	make_set(&old, col1, 1, o, 3);
	make_set(&new, col1, 1, n, 1);
	ck_assert_int_eq(rset_diff(&old, &new, &d), 0);
	ck_assert_uint_eq(d.nadded, 0);
	ck_assert_uint_eq(d.nremoved, 2);
	ck_assert_uint_eq(d.removed[0], 0);
	ck_assert_uint_eq(d.removed[1], 2);
	rset_diff_free(&d);
	ck_assert_ptr_null(d.added);
	rset_free(&old);
	rset_free(&new);
}
END_TEST

START_TEST(rset_diff_null_is_not_empty)
{
	static const char *o[] = { NULL, "" };
	static const char *n[] = { "", "" };
	struct rset old, new;

	make_set(&old, col1, 1, o, 2);
	make_set(&new, col1, 1, n, 2);
	assert_diff(&old, &new, "<null>;", ";");
	rset_free(&old);
	rset_free(&new);
}
END_TEST

/* Rows are whole rows: a cell is equal only under the same column name,
 * and a row with a column more is another row. */
START_TEST(rset_diff_columns)
{
	static char *ab[] = { "a", "b" }, *ba[] = { "b", "a" };
	static char *a_only[] = { "a" };
	static const char *o[] = { "1", "2" };
	static const char *n[] = { "2", "1" };
	static const char *one[] = { "1" };
	struct rset old, new, narrow;

	make_set(&old, ab, 2, o, 1);
	make_set(&new, ba, 2, n, 1);
	make_set(&narrow, a_only, 1, one, 1);
	assert_diff(&old, &new, "1|2;", "2|1;");
	assert_diff(&old, &narrow, "1|2;", "1;");
	assert_diff(&narrow, &old, "1;", "1|2;");
	/* The same names and cells in the same order cancel. */
	assert_diff(&old, &old, "", "");
	rset_free(&old);
	rset_free(&new);
	rset_free(&narrow);
}
END_TEST

START_TEST(rset_diff_empty_sets)
{
	static const char *o[] = { "a", "b" };
	struct rset empty, none, set;

	rset_init(&empty);		/* no columns: a query never run */
	make_set(&none, col1, 1, NULL, 0);
	make_set(&set, col1, 1, o, 2);
	assert_diff(&empty, &set, "", "a;b;");
	assert_diff(&set, &empty, "a;b;", "");
	assert_diff(&none, &set, "", "a;b;");
	assert_diff(&set, &none, "a;b;", "");
	assert_diff(&empty, &none, "", "");
	assert_diff(&empty, &empty, "", "");
	rset_free(&none);
	rset_free(&set);
}
END_TEST

/* 10,000 rows in another order, 100 gone and 100 new: only those show. */
START_TEST(rset_diff_large)
{
	static char *cols[] = { "pid", "name" };
	struct rset old, new;
	struct rset_diff d;
	char **row, buf[32];
	size_t i, n = 10000;

	rset_init(&old);
	rset_init(&new);
	ck_assert_int_eq(rset_set_columns(&old, cols, 2), 0);
	ck_assert_int_eq(rset_set_columns(&new, cols, 2), 0);
	for (i = 0; i < n; i++) {
		ck_assert_ptr_nonnull(row = rset_add_row(&old));
		snprintf(buf, sizeof(buf), "%zu", i);
		row[0] = strdup(buf);
		row[1] = strdup(i % 2 ? "odd" : "even");
	}
	for (i = n + 100; i > 100; i--) {
		ck_assert_ptr_nonnull(row = rset_add_row(&new));
		snprintf(buf, sizeof(buf), "%zu", i - 1);
		row[0] = strdup(buf);
		row[1] = strdup((i - 1) % 2 ? "odd" : "even");
	}
	ck_assert_int_eq(rset_diff(&old, &new, &d), 0);
	ck_assert_uint_eq(d.nremoved, 100);
	ck_assert_uint_eq(d.nadded, 100);
	for (i = 0; i < 100; i++) {
		/* old rows 0..99 went; new rows n+99 .. n came (first in
		 * new's order). */
		ck_assert_uint_eq(d.removed[i], i);
		ck_assert_uint_eq(d.added[i], i);
		snprintf(buf, sizeof(buf), "%zu", n + 99 - i);
		ck_assert_str_eq(rset_cell(&new, d.added[i], 0), buf);
	}
	rset_diff_free(&d);
	ck_assert_int_eq(rset_diff(&new, &new, &d), 0);
	ck_assert_uint_eq(d.nadded + d.nremoved, 0);
	rset_diff_free(&d);
	rset_free(&old);
	rset_free(&new);
}
END_TEST

Suite *suite_rset(void);

Suite *
suite_rset(void)
{
	Suite *s = suite_create("rset");
	TCase *tc = tcase_create("rset");

	tcase_add_test(tc, rset_roundtrip);
	tcase_add_test(tc, rset_blob_layout);
	tcase_add_test(tc, rset_roundtrip_empty);
	tcase_add_test(tc, rset_truncations_refused);
	tcase_add_test(tc, rset_malformed_refused);
	tcase_add_test(tc, rset_limits);
	tcase_add_test(tc, rset_diff_multiset);
	tcase_add_test(tc, rset_diff_indexes);
	tcase_add_test(tc, rset_diff_null_is_not_empty);
	tcase_add_test(tc, rset_diff_columns);
	tcase_add_test(tc, rset_diff_empty_sets);
	tcase_add_test(tc, rset_diff_large);
	tcase_set_timeout(tc, 30);
	suite_add_tcase(s, tc);
	return s;
}

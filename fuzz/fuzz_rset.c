/*
 * The store's result-set blob over any bytes.  A blob is taken whole or
 * not at all; one taken encodes to a canonical blob that decodes to the
 * same set and encodes to the same bytes again, and differs from itself
 * by nothing and from the empty set by every row.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../logger/rset.h"
#include "fuzz.h"

static void
check_same(const struct rset *a, const struct rset *b)
{
	const char *x, *y;
	size_t r;
	uint32_t k;

	CHECK(a->ncols == b->ncols && a->nrows == b->nrows);
	for (k = 0; k < a->ncols; k++)
		CHECK(strcmp(a->cols[k], b->cols[k]) == 0);
	for (r = 0; r < a->nrows; r++)
		for (k = 0; k < a->ncols; k++) {
			x = rset_cell(a, r, k);
			y = rset_cell(b, r, k);
			CHECK((x == NULL) == (y == NULL));
			CHECK(x == NULL || strcmp(x, y) == 0);
		}
}

static void
check_diffs(const struct rset *rs, const struct rset *same)
{
	struct rset empty;
	struct rset_diff d;
	size_t i;

	CHECK(rset_diff(rs, same, &d) == 0);
	CHECK(d.nadded == 0 && d.nremoved == 0);
	rset_diff_free(&d);
	rset_init(&empty);
	CHECK(rset_diff(&empty, rs, &d) == 0);
	CHECK(d.nremoved == 0 && d.nadded == rs->nrows);
	for (i = 0; i < d.nadded; i++)
		CHECK(d.added[i] == i);
	rset_diff_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rset rs, again;
	unsigned char *blob, *blob2;
	size_t len, len2;

	if (rset_decode(data, size, &rs) == -1) {
		CHECK(rs.ncols == 0 && rs.nrows == 0 && rs.cells == NULL);
		return 0;
	}
	CHECK(rs.ncols <= RSET_MAX_COLUMNS && rs.nrows <= RSET_MAX_ROWS);
	/* A NULL cell may carry bytes the canonical form drops. */
	CHECK(rset_encode(&rs, &blob, &len) == 0 && len <= size);
	CHECK(rset_decode(blob, len, &again) == 0);
	check_same(&rs, &again);
	CHECK(rset_encode(&again, &blob2, &len2) == 0);
	CHECK(len2 == len && memcmp(blob, blob2, len) == 0);
	check_diffs(&rs, &again);
	free(blob);
	free(blob2);
	rset_free(&rs);
	rset_free(&again);
	return 0;
}

/* One-value queries for the sqlfn tests; see sqlq.h. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../../worker/sqlfn.h"
#include "sqlq.h"

void
sqlq_open(struct sqlq *q)
{
	memset(q, 0, sizeof(*q));
	ck_assert_int_eq(sqlite3_open(":memory:", &q->db), SQLITE_OK);
	ck_assert_int_eq(sqlfn_register(q->db), SQLITE_OK);
}

void
sqlq_close(struct sqlq *q)
{
	sqlite3_close(q->db);
	q->db = NULL;
}

static const char *
failed(struct sqlq *q, sqlite3_stmt *st)
{
	q->type = -1;
	snprintf(q->buf, sizeof(q->buf), "ERROR: %s", sqlite3_errmsg(q->db));
	sqlite3_finalize(st);
	return q->buf;
}

const char *
sqlq(struct sqlq *q, const char *sql)
{
	sqlite3_stmt *st = NULL;
	const unsigned char *text;
	int rc;

	if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
		return failed(q, st);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		q->type = -1;
		snprintf(q->buf, sizeof(q->buf), "NO ROW");
	} else if (rc != SQLITE_ROW)
		return failed(q, st);
	else if ((q->type = sqlite3_column_type(st, 0)) == SQLITE_NULL)
		snprintf(q->buf, sizeof(q->buf), "NULL");
	else {
		text = sqlite3_column_text(st, 0);
		snprintf(q->buf, sizeof(q->buf), "%s", (const char *)text);
	}
	sqlite3_finalize(st);
	return q->buf;
}

/* The logger's durable store; see store.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3		*db;
	sqlite3_stmt	*spool_insert;	/* kept: it runs once per line */
};

static const char schema[] =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "CREATE TABLE IF NOT EXISTS results ("
    "  name TEXT PRIMARY KEY, sql TEXT NOT NULL, epoch INTEGER NOT NULL,"
    "  counter INTEGER NOT NULL, run_id INTEGER NOT NULL, rows BLOB);"
    "CREATE TABLE IF NOT EXISTS chain ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL,"
    "  link BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS spool ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, stream INTEGER NOT NULL,"
    "  key INTEGER NOT NULL, line BLOB NOT NULL);";

struct store *
store_open(char *err, size_t errlen)
{
	struct store *st;
	char *msg = NULL;

	if ((st = calloc(1, sizeof(*st))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (sqlite3_open_v2(STORE_FILE, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, schema, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", STORE_FILE, msg != NULL ? msg :
		    sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		store_close(st);
		return NULL;
	}
	sqlite3_busy_timeout(st->db, 5000);
	return st;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	sqlite3_finalize(st->spool_insert);
	sqlite3_close(st->db);
	free(st);
}

const char *
store_errmsg(struct store *st)
{
	return sqlite3_errmsg(st->db);
}

int
store_errcode(struct store *st)
{
	return sqlite3_errcode(st->db) & 0xff;
}

static int
exec(struct store *st, const char *sql)
{
	return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK ?
	    0 : -1;
}

int
store_begin(struct store *st)
{
	return exec(st, "BEGIN IMMEDIATE");
}

int
store_commit(struct store *st)
{
	return exec(st, "COMMIT");
}

void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		exec(st, "ROLLBACK");
}

static sqlite3_stmt *
prepare(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	return s;
}

/* Step a statement that returns no row, then finalize it. */
static int
run(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

void
prev_result_free(struct prev_result *p)
{
	free(p->sql);
	rset_free(&p->rows);
	memset(p, 0, sizeof(*p));
}

static int
take_prev_row(sqlite3_stmt *s, struct prev_result *p)
{
	const void *blob = sqlite3_column_blob(s, 4);
	int n = sqlite3_column_bytes(s, 4);

	p->found = 1;
	if ((p->sql = strdup((const char *)sqlite3_column_text(s, 0))) ==
	    NULL)
		return -1;
	p->epoch = (uint64_t)sqlite3_column_int64(s, 1);
	p->counter = (uint64_t)sqlite3_column_int64(s, 2);
	p->run_id = (uint64_t)sqlite3_column_int64(s, 3);
	if (blob == NULL)
		return 0;
	return rset_decode(blob, (size_t)n, &p->rows);
}

int
store_get_prev(struct store *st, const char *name, struct prev_result *p)
{
	sqlite3_stmt *s;
	int rc = 0;

	memset(p, 0, sizeof(*p));
	rset_init(&p->rows);
	if ((s = prepare(st, "SELECT sql, epoch, counter, run_id, rows "
	    "FROM results WHERE name = ?")) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	switch (sqlite3_step(s)) {
	case SQLITE_ROW:
		rc = take_prev_row(s, p);
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = -1;
	}
	sqlite3_finalize(s);
	if (rc == -1)
		prev_result_free(p);
	return rc;
}

int
store_put_prev(struct store *st, const char *name, const char *sql,
    uint64_t epoch, uint64_t counter, uint64_t run_id,
    const struct rset *rows)
{
	unsigned char *blob = NULL;
	size_t len = 0;
	sqlite3_stmt *s;

	if (rows != NULL && rset_encode(rows, &blob, &len) == -1)
		return -1;
	if ((s = prepare(st, "INSERT OR REPLACE INTO results (name, sql, "
	    "epoch, counter, run_id, rows) VALUES (?, ?, ?, ?, ?, ?)")) ==
	    NULL) {
		free(blob);
		return -1;
	}
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, sql, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)epoch);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)counter);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)run_id);
	if (blob != NULL)
		sqlite3_bind_blob64(s, 6, blob, len, free);
	else
		sqlite3_bind_null(s, 6);
	return run(s);
}

int
store_get_chain(struct store *st, struct chain *c)
{
	sqlite3_stmt *s;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	if ((s = prepare(st, "SELECT seq, link FROM chain WHERE id = 1")) ==
	    NULL)
		return -1;
	switch (sqlite3_step(s)) {
	case SQLITE_ROW:
		c->seq = (uint64_t)sqlite3_column_int64(s, 0);
		if (sqlite3_column_bytes(s, 1) != CHAIN_LINK_LEN)
			rc = -1;
		else
			memcpy(c->link, sqlite3_column_blob(s, 1),
			    CHAIN_LINK_LEN);
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = -1;
	}
	sqlite3_finalize(s);
	return rc;
}

int
store_put_chain(struct store *st, const struct chain *c)
{
	sqlite3_stmt *s;

	if ((s = prepare(st, "INSERT OR REPLACE INTO chain (id, seq, link) "
	    "VALUES (1, ?, ?)")) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, (sqlite3_int64)c->seq);
	sqlite3_bind_blob(s, 2, c->link, CHAIN_LINK_LEN, SQLITE_STATIC);
	return run(s);
}

int
store_spool_add(struct store *st, int stream, uint64_t key,
    const char *line, size_t len)
{
	sqlite3_stmt *s;
	int rc;

	if (st->spool_insert == NULL && (st->spool_insert = prepare(st,
	    "INSERT INTO spool (stream, key, line) VALUES (?, ?, ?)")) ==
	    NULL)
		return -1;
	s = st->spool_insert;
	sqlite3_bind_int(s, 1, stream);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)key);
	sqlite3_bind_blob64(s, 3, line, len, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_spool_each(struct store *st, spool_fn fn, void *arg)
{
	sqlite3_stmt *s;
	int rc;

	if ((s = prepare(st, "SELECT id, stream, key, line FROM spool "
	    "ORDER BY id")) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(arg, sqlite3_column_int64(s, 0),
		    sqlite3_column_int(s, 1),
		    (uint64_t)sqlite3_column_int64(s, 2),
		    sqlite3_column_blob(s, 3),
		    (size_t)sqlite3_column_bytes(s, 3)) != 0)
			break;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
store_spool_delete(struct store *st, int64_t upto_id)
{
	sqlite3_stmt *s;

	if ((s = prepare(st, "DELETE FROM spool WHERE id <= ?")) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, upto_id);
	return run(s);
}

int64_t
store_spool_count(struct store *st)
{
	sqlite3_stmt *s;
	int64_t n = -1;

	if ((s = prepare(st, "SELECT count(*) FROM spool")) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

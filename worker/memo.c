/*
 * The scan memo.  A join such as
 *
 *	processes JOIN process_open_sockets USING (pid)
 *
 * filters the inner table once per outer row.  When a table's constraints
 * only narrow its rows (equalities on visible columns, none
 * required: a hidden or required column is an input, not a filter), the second filter of a statement and every later one are
 * served from one unconstrained scan, kept until the statement ends: one
 * walk of /proc or one set of netlink dumps instead of one per outer row.
 * SQLite checks every constraint again (xBestIndex omits none), so a
 * superset of the rows is never wrong; the memo skips the rows that
 * plainly differ only to spare SQLite the work.
 */
#include <stdlib.h>
#include <string.h>

#include "vtab_impl.h"

/* Filters of one table in one statement before the memo takes over:
 * the first runs as asked, since it may well be the only one. */
#define MEMO_AFTER	2

struct scan_memo {
	struct scan_memo	*next;
	struct hq_vtab		*owner;
	struct gen_ctx		 ctx;
};

static int
narrows_only(const struct gen_ctx *ctx)
{
	const struct table *t = ctx->t;
	int i;

	for (i = 0; i < t->ncolumns; i++)
		if (t->columns[i].flags & COL_REQUIRED)
			return 0;
	for (i = 0; i < ctx->ncons; i++) {
		unsigned int flags = t->columns[ctx->cons[i].col].flags;

		if (ctx->cons[i].op != GEN_EQ || (flags & COL_HIDDEN))
			return 0;
	}
	return 1;
}

/* 0 when a cell plainly differs from an equality's value. */
static int
cell_may_equal(const struct cell *c, sqlite3_value *v)
{
	int vt = sqlite3_value_type(v);

	if (c->type == SQLITE_NULL)
		return 0;
	if (c->type == SQLITE_INTEGER && vt == SQLITE_INTEGER)
		return c->i == sqlite3_value_int64(v);
	if (c->type == SQLITE_TEXT && vt == SQLITE_TEXT)
		return (size_t)sqlite3_value_bytes(v) == c->n &&
		    memcmp(sqlite3_value_text(v), c->s, c->n) == 0;
	return 1;
}

/* Whether the reader's row may match the cursor's constraints. */
static int
row_may_match(const struct hq_cursor *cur)
{
	const struct cell *c;
	int i;

	for (i = 0; i < cur->ctx.ncons; i++) {
		c = rowreader_cell(&cur->reader,
		    ctx_slot(cur->rows, cur->ctx.cons[i].col));
		if (c != NULL && !cell_may_equal(c, cur->ctx.cons[i].val))
			return 0;
	}
	return 1;
}

void
memo_skip(struct hq_cursor *cur)
{
	if (cur->rows == &cur->ctx)
		return;
	while (!rowreader_eof(&cur->reader) && !row_may_match(cur))
		rowreader_next(&cur->reader);
}

static void
memo_free(struct scan_memo *m)
{
	m->owner->memo = NULL;
	ctx_clear(&m->ctx);
	free(m);
}

/* One unconstrained scan of every column; NULL when it failed, and the
 * filter then runs as asked and reports the failure itself. */
static struct scan_memo *
memo_scan(struct hq_vtab *v)
{
	struct scan_memo *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	m->owner = v;
	m->ctx.t = v->t;
	m->ctx.env = v->env;
	m->ctx.col_used = ~(uint64_t)0;
	if (v->t->generate(&m->ctx) == -1 || m->ctx.oom) {
		ctx_clear(&m->ctx);
		free(m);
		return NULL;
	}
	m->next = v->env->memos;
	v->env->memos = m;
	v->memo = m;
	return m;
}

int
memo_filter(struct hq_vtab *v, struct hq_cursor *cur)
{
	if (v->statement != v->env->statement) {
		v->statement = v->env->statement;
		v->filters = 0;
	}
	v->filters++;
	if (v->memo == NULL && (v->filters < MEMO_AFTER ||
	    !narrows_only(&cur->ctx) || memo_scan(v) == NULL))
		return 0;
	cur->rows = &v->memo->ctx;
	return 1;
}

void
vtab_statement_begin(struct vtab_env *env)
{
	struct scan_memo *m, *next;

	for (m = env->memos; m != NULL; m = next) {
		next = m->next;
		memo_free(m);
	}
	env->memos = NULL;
	env->statement++;
}

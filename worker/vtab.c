/*
 * The virtual table layer: every table of the registry becomes an
 * eponymous SQLite virtual table.  xBestIndex hands the constraints on
 * flagged columns (=, IN, LIKE, GLOB) to the generator and refuses a plan
 * that leaves every required column unconstrained; xFilter runs the
 * generator; the rows it produced are served from memory, packed, with
 * only the columns the query reads (rowstore.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ipc/log.h"
#include "../tables/table.h"
#include "vtab.h"
#include "vtab_impl.h"

static const char *const type_names[] = {
	[COL_TEXT] = "TEXT",
	[COL_INTEGER] = "INTEGER",
	[COL_BIGINT] = "BIGINT",
	[COL_UNSIGNED_BIGINT] = "UNSIGNED BIGINT",
	[COL_DOUBLE] = "DOUBLE",
	[COL_BLOB] = "BLOB",
};

const char *
vtab_type_name(enum col_type type)
{
	return type <= COL_BLOB ? type_names[type] : "TEXT";
}

/* Collations SQLite has, and osquery's version collations, which
 * db_open() registers (worker/sqlfn.h) before any table is declared.
 * Others are left out. */
static int
collation_known(const char *c)
{
	static const char *const known[] = {
		"binary", "nocase", "rtrim",
		"version", "version_arch", "version_dpkg", "version_rhel",
	};
	size_t i;

	for (i = 0; c != NULL && i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(c, known[i]) == 0)
			return 1;
	return 0;
}

char *
vtab_schema_sql(const struct table *t)
{
	sqlite3_str *s = sqlite3_str_new(NULL);
	int i;

	sqlite3_str_appendf(s, "CREATE TABLE %s(", t->name);
	for (i = 0; i < t->ncolumns; i++) {
		const struct column *c = &t->columns[i];

		sqlite3_str_appendf(s, "%s\"%w\" %s%s", i ? ", " : "",
		    c->name, vtab_type_name(c->type),
		    (c->flags & COL_HIDDEN) ? " HIDDEN" : "");
		if (collation_known(c->collate))
			sqlite3_str_appendf(s, " COLLATE %s", c->collate);
	}
	sqlite3_str_appendall(s, ")");
	return sqlite3_str_finish(s);
}

static int
hq_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
    sqlite3_vtab **out, char **err)
{
	struct vtab_module *mod = aux;
	struct hq_vtab *v;
	char *sql;
	int rc;

	(void)argc;
	(void)argv;
	if ((sql = vtab_schema_sql(mod->t)) == NULL)
		return SQLITE_NOMEM;
	rc = sqlite3_declare_vtab(db, sql);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		*err = sqlite3_mprintf("table %s: bad schema", mod->t->name);
		return rc;
	}
	if ((v = sqlite3_malloc(sizeof(*v))) == NULL)
		return SQLITE_NOMEM;
	memset(v, 0, sizeof(*v));
	v->t = mod->t;
	v->env = mod->env;
	*out = &v->base;
	return SQLITE_OK;
}

static int
hq_disconnect(sqlite3_vtab *vt)
{
	struct hq_vtab *v = (struct hq_vtab *)vt;

	/* The connection closes: memos go with their statement. */
	if (v->memo != NULL)
		vtab_statement_begin(v->env);
	sqlite3_free(vt);
	return SQLITE_OK;
}

static int
op_of(unsigned char sqlop, enum gen_op *op)
{
	switch (sqlop) {
	case SQLITE_INDEX_CONSTRAINT_EQ:
		*op = GEN_EQ;
		return 0;
	case SQLITE_INDEX_CONSTRAINT_LIKE:
		*op = GEN_LIKE;
		return 0;
	case SQLITE_INDEX_CONSTRAINT_GLOB:
		*op = GEN_GLOB;
		return 0;
	default:
		return -1;
	}
}

static int
has_required(const struct table *t)
{
	int i;

	for (i = 0; i < t->ncolumns; i++)
		if (t->columns[i].flags & COL_REQUIRED)
			return 1;
	return 0;
}

/*
 * idxStr carries what xFilter needs: the columns used, then "col:op" for
 * each argument in argv order.
 */
static int
hq_best_index(sqlite3_vtab *vt, sqlite3_index_info *info)
{
	struct hq_vtab *v = (struct hq_vtab *)vt;
	const struct table *t = v->t;
	sqlite3_str *s = sqlite3_str_new(NULL);
	int i, n = 0, required_met = 0;
	enum gen_op op;

	sqlite3_str_appendf(s, "%llx", (unsigned long long)info->colUsed);
	for (i = 0; i < info->nConstraint; i++) {
		const struct sqlite3_index_constraint *c = &info->aConstraint[i];
		unsigned int flags;

		if (!c->usable || c->iColumn < 0 || op_of(c->op, &op) == -1)
			continue;
		flags = t->columns[c->iColumn].flags;
		if (!(flags & PUSHED_FLAGS))
			continue;
		if ((flags & COL_REQUIRED) != 0)
			required_met = 1;
		info->aConstraintUsage[i].argvIndex = ++n;
		info->aConstraintUsage[i].omit = 0;
		if (op == GEN_EQ && (flags & COL_OPTIMIZED) &&
		    sqlite3_vtab_in(info, i, -1))
			sqlite3_vtab_in(info, i, 1);
		sqlite3_str_appendf(s, ",%d:%d", c->iColumn, (int)op);
	}
	if (has_required(t) && !required_met) {
		sqlite3_free(sqlite3_str_finish(s));
		v->env->missing_required = t;
		return SQLITE_CONSTRAINT;
	}
	info->idxStr = sqlite3_str_finish(s);
	if (info->idxStr == NULL)
		return SQLITE_NOMEM;
	info->needToFreeIdxStr = 1;
	info->estimatedCost = n > 0 ? 10.0 : 100000.0;
	info->estimatedRows = n > 0 ? 10 : 10000;
	return SQLITE_OK;
}

void
ctx_clear(struct gen_ctx *ctx)
{
	int k;

	rowstore_free(&ctx->rows);
	for (k = 0; k < ctx->ncons; k++)
		sqlite3_value_free(ctx->cons[k].val);
	free(ctx->cons);
	free(ctx->error);
	ctx->cons = NULL;
	ctx->error = NULL;
	ctx->ncons = 0;
	ctx->open_row = 0;
	ctx->oom = 0;
}

static int
bits_set(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (int)((x * 0x0101010101010101ULL) >> 56);
}

/*
 * Slots number the columns used, in column order.  SQLite's last bit of
 * colUsed stands for every column from 63 on.
 */
int
ctx_slot(const struct gen_ctx *ctx, int col)
{
	uint64_t used = ctx->col_used;

	if (col < 0 || col >= ctx->t->ncolumns)
		return -1;
	if (col >= 63)
		return (used >> 63) & 1 ?
		    bits_set(used & ~(1ULL << 63)) + col - 63 : -1;
	if (((used >> col) & 1) == 0)
		return -1;
	return bits_set(used & ((1ULL << col) - 1));
}

static int
ctx_nslots(const struct gen_ctx *ctx)
{
	uint64_t used = ctx->col_used;
	int n = ctx->t->ncolumns;

	if (n > 63)
		return bits_set(used & ~(1ULL << 63)) +
		    ((used >> 63) & 1 ? n - 63 : 0);
	return bits_set(used & ((1ULL << n) - 1));
}

static int
hq_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
	struct hq_vtab *v = (struct hq_vtab *)vt;
	struct hq_cursor *cur;

	if ((cur = calloc(1, sizeof(*cur))) == NULL)
		return SQLITE_NOMEM;
	cur->ctx.t = v->t;
	cur->ctx.env = v->env;
	cur->rows = &cur->ctx;
	*out = &cur->base;
	return SQLITE_OK;
}

static int
hq_close(sqlite3_vtab_cursor *vc)
{
	struct hq_cursor *cur = (struct hq_cursor *)vc;

	ctx_clear(&cur->ctx);
	rowreader_free(&cur->reader);
	free(cur);
	return SQLITE_OK;
}

static int
add_constraint(struct gen_ctx *ctx, int col, enum gen_op op,
    sqlite3_value *val)
{
	struct gen_constraint *grown;

	if (col < 0 || col >= ctx->t->ncolumns)
		return SQLITE_INTERNAL;
	grown = realloc(ctx->cons, sizeof(*grown) * (size_t)(ctx->ncons + 1));
	if (grown == NULL)
		return SQLITE_NOMEM;
	ctx->cons = grown;
	if ((grown[ctx->ncons].val = sqlite3_value_dup(val)) == NULL)
		return SQLITE_NOMEM;
	grown[ctx->ncons].col = col;
	grown[ctx->ncons].op = op;
	ctx->ncons++;
	return SQLITE_OK;
}

/* One argument: a single value, or every member of an IN list. */
static int
add_argument(struct gen_ctx *ctx, int col, enum gen_op op,
    sqlite3_value *arg)
{
	sqlite3_value *v;
	int rc;

	if (op == GEN_EQ && sqlite3_vtab_in_first(arg, &v) == SQLITE_OK) {
		for (rc = SQLITE_OK; rc == SQLITE_OK && v != NULL;
		    sqlite3_vtab_in_next(arg, &v))
			if (sqlite3_value_type(v) != SQLITE_NULL)
				rc = add_constraint(ctx, col, op, v);
		return rc;
	}
	if (sqlite3_value_type(arg) == SQLITE_NULL)
		return SQLITE_OK;
	return add_constraint(ctx, col, op, arg);
}

static int
parse_idx(struct gen_ctx *ctx, const char *idx, int argc,
    sqlite3_value **argv)
{
	const char *p = idx;
	char *end;
	int i, col, op, rc;

	ctx->col_used = strtoull(p, &end, 16);
	p = end;
	for (i = 0; i < argc; i++) {
		if (sscanf(p, ",%d:%d", &col, &op) != 2)
			return SQLITE_INTERNAL;
		p = strchr(p + 1, ',');
		if (p == NULL)
			p = "";
		if ((rc = add_argument(ctx, col, (enum gen_op)op, argv[i])) !=
		    SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int
hq_filter(sqlite3_vtab_cursor *vc, int idxnum, const char *idx, int argc,
    sqlite3_value **argv)
{
	struct hq_cursor *cur = (struct hq_cursor *)vc;
	struct gen_ctx *ctx = &cur->ctx;
	int rc;

	(void)idxnum;
	ctx_clear(ctx);
	/* At the end of the empty rows until they are made (no error). */
	cur->rows = ctx;
	rowreader_start(&cur->reader, &ctx->rows);
	if ((rc = parse_idx(ctx, idx != NULL ? idx : "0", argc, argv)) !=
	    SQLITE_OK)
		return rc;
	if (!memo_filter((struct hq_vtab *)vc->pVtab, cur)) {
		rc = ctx->t->generate(ctx);
		if (ctx->oom)
			return SQLITE_NOMEM;
		if (rc == -1) {
			sqlite3_free(vc->pVtab->zErrMsg);
			vc->pVtab->zErrMsg = sqlite3_mprintf("%s: %s",
			    ctx->t->name,
			    ctx->error != NULL ? ctx->error : "failed");
			return SQLITE_ERROR;
		}
	}
	if (rowreader_start(&cur->reader, &cur->rows->rows) == -1)
		return SQLITE_NOMEM;
	memo_skip(cur);
	return SQLITE_OK;
}

static int
hq_next(sqlite3_vtab_cursor *vc)
{
	struct hq_cursor *cur = (struct hq_cursor *)vc;

	rowreader_next(&cur->reader);
	memo_skip(cur);
	return SQLITE_OK;
}

static int
hq_eof(sqlite3_vtab_cursor *vc)
{
	struct hq_cursor *cur = (struct hq_cursor *)vc;

	return rowreader_eof(&cur->reader);
}

static int
hq_column(sqlite3_vtab_cursor *vc, sqlite3_context *sctx, int col)
{
	struct hq_cursor *cur = (struct hq_cursor *)vc;
	const struct cell *c;

	c = rowreader_cell(&cur->reader, ctx_slot(cur->rows, col));
	switch (c != NULL ? c->type : SQLITE_NULL) {
	case SQLITE_INTEGER:
		sqlite3_result_int64(sctx, c->i);
		break;
	case SQLITE_FLOAT:
		sqlite3_result_double(sctx, c->d);
		break;
	case SQLITE_TEXT:
		sqlite3_result_text64(sctx, c->s, c->n, SQLITE_TRANSIENT,
		    SQLITE_UTF8);
		break;
	default:
		sqlite3_result_null(sctx);
	}
	return SQLITE_OK;
}

static int
hq_rowid(sqlite3_vtab_cursor *vc, sqlite3_int64 *rowid)
{
	*rowid = (sqlite3_int64)((struct hq_cursor *)vc)->reader.row;
	return SQLITE_OK;
}

static const sqlite3_module hq_module = {
	.iVersion = 0,
	.xCreate = NULL,		/* eponymous only */
	.xConnect = hq_connect,
	.xBestIndex = hq_best_index,
	.xDisconnect = hq_disconnect,
	.xDestroy = hq_disconnect,
	.xOpen = hq_open,
	.xClose = hq_close,
	.xFilter = hq_filter,
	.xNext = hq_next,
	.xEof = hq_eof,
	.xColumn = hq_column,
	.xRowid = hq_rowid,
};

int
vtab_register(sqlite3 *db, struct vtab_module *mod)
{
	return sqlite3_create_module_v2(db, mod->t->name, &hq_module, mod,
	    NULL);
}

/* The generator's side: constraints, rows, messages. */

static const struct gen_constraint *
nth_constraint(struct gen_ctx *ctx, int col, enum gen_op op, int i)
{
	int k;

	for (k = 0; k < ctx->ncons; k++)
		if (ctx->cons[k].col == col && ctx->cons[k].op == op &&
		    i-- == 0)
			return &ctx->cons[k];
	return NULL;
}

int
gen_count(struct gen_ctx *ctx, int col, enum gen_op op)
{
	int k, n = 0;

	for (k = 0; k < ctx->ncons; k++)
		if (ctx->cons[k].col == col && ctx->cons[k].op == op)
			n++;
	return n;
}

const char *
gen_text(struct gen_ctx *ctx, int col, enum gen_op op, int i)
{
	const struct gen_constraint *c = nth_constraint(ctx, col, op, i);

	return c != NULL ? (const char *)sqlite3_value_text(c->val) : NULL;
}

int64_t
gen_int(struct gen_ctx *ctx, int col, enum gen_op op, int i)
{
	const struct gen_constraint *c = nth_constraint(ctx, col, op, i);

	return c != NULL ? sqlite3_value_int64(c->val) : 0;
}

int
gen_used(struct gen_ctx *ctx, int col)
{
	/* SQLite's last bit stands for every column from 63 on. */
	if (col >= 63)
		return (ctx->col_used >> 63) & 1;
	return (ctx->col_used >> col) & 1;
}

struct collect *
gen_collect(struct gen_ctx *ctx)
{
	return ctx->env->collect;
}

const struct runtime *
gen_runtime(struct gen_ctx *ctx)
{
	return ctx->env->runtime;
}

/* The slot of a column of the open row; -1 when the column is not
 * stored, as the query does not read it. */
static int
open_slot(struct gen_ctx *ctx, int col)
{
	return ctx->open_row ? ctx_slot(ctx, col) : -1;
}

void
row_begin(struct gen_ctx *ctx)
{
	if (ctx->open_row || ctx->oom)
		return;
	if (rowstore_begin(&ctx->rows, ctx_nslots(ctx)) == -1) {
		ctx->oom = 1;
		return;
	}
	ctx->open_row = 1;
}

void
row_textn(struct gen_ctx *ctx, int col, const char *s, size_t n)
{
	int slot = open_slot(ctx, col);

	if (slot != -1 && s != NULL &&
	    rowstore_text(&ctx->rows, slot, s, n) == -1)
		ctx->oom = 1;
}

void
row_text(struct gen_ctx *ctx, int col, const char *s)
{
	if (s != NULL)
		row_textn(ctx, col, s, strlen(s));
}

void
row_text_nonempty(struct gen_ctx *ctx, int col, const char *s)
{
	if (s != NULL && s[0] != '\0')
		row_textn(ctx, col, s, strlen(s));
}

void
row_int(struct gen_ctx *ctx, int col, int64_t v)
{
	int slot = open_slot(ctx, col);

	if (slot != -1)
		rowstore_int(&ctx->rows, slot, v);
}

void
row_double(struct gen_ctx *ctx, int col, double v)
{
	int slot = open_slot(ctx, col);

	if (slot != -1)
		rowstore_double(&ctx->rows, slot, v);
}

int
row_end(struct gen_ctx *ctx)
{
	if (!ctx->open_row)
		return ctx->oom ? -1 : 0;
	ctx->open_row = 0;
	/* A row that lost a value to a failed allocation is left out: the
	 * query fails (hq_filter). */
	if (!ctx->oom && rowstore_end(&ctx->rows) == -1)
		ctx->oom = 1;
	return ctx->oom ? -1 : 0;
}

void
gen_warn(struct gen_ctx *ctx, const char *fmt, ...)
{
	char msg[IPC_MAX_LOGTEXT];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_warnx("warning: %s: %s", ctx->t->name, msg);
}

void
gen_error(struct gen_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	free(ctx->error);
	va_start(ap, fmt);
	if (vasprintf(&ctx->error, fmt, ap) == -1)
		ctx->error = NULL;
	va_end(ap);
}

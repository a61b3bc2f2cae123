/*
 * What the virtual table layer (vtab.c) and its per-statement scan memo
 * (memo.c) share: the generator's context, the table and the cursor.
 */
#ifndef HOSTQL_WORKER_VTAB_IMPL_H
#define HOSTQL_WORKER_VTAB_IMPL_H

#include <sqlite3.h>

#include "../tables/table.h"
#include "rowstore.h"
#include "vtab.h"

#define PUSHED_FLAGS	(COL_INDEX | COL_REQUIRED | COL_OPTIMIZED | \
			 COL_ADDITIONAL)

struct gen_constraint {
	int		 col;
	enum gen_op	 op;
	sqlite3_value	*val;
};

struct gen_ctx {
	const struct table	*t;
	struct vtab_env		*env;
	struct gen_constraint	*cons;
	int			 ncons;
	uint64_t		 col_used;	/* SQLite's colUsed */
	struct rowstore		 rows;		/* of the columns used */
	int			 open_row;
	int			 oom;
	char			*error;
};

struct hq_vtab {
	sqlite3_vtab		 base;
	const struct table	*t;
	struct vtab_env		*env;
	/* Filters run in the statement numbered statement; see memo.c. */
	uint64_t		 statement;
	unsigned int		 filters;
	struct scan_memo	*memo;
};

struct hq_cursor {
	sqlite3_vtab_cursor	 base;
	struct gen_ctx		 ctx;		/* constraints, own rows */
	const struct gen_ctx	*rows;		/* ctx, or a memo's */
	struct rowreader	 reader;	/* over rows->rows */
};

void	ctx_clear(struct gen_ctx *);
/* Where column col is in ctx's rows: -1 when it is not stored. */
int	ctx_slot(const struct gen_ctx *, int col);

/* memo.c: serve repeated scans of one statement from one full scan. */
int	memo_filter(struct hq_vtab *, struct hq_cursor *);
void	memo_skip(struct hq_cursor *);


#endif

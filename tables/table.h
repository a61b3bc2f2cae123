/*
 * What a table is: a static schema and one function that produces rows.
 *
 * The schema names every column with osquery's name and type and flags.
 * The generator gets the constraints SQLite pushed down (equalities,
 * IN lists, LIKE/GLOB patterns on flagged columns), reads raw OS state
 * through privd's primitives (worker/collect.h), parses it with pure
 * functions, and hands each row over with row_*().  The worker's virtual
 * table layer (worker/vtab.c) does everything else.
 */
#ifndef HOSTQL_TABLES_TABLE_H
#define HOSTQL_TABLES_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "../worker/collect.h"

enum col_type {
	COL_TEXT,
	COL_INTEGER,
	COL_BIGINT,
	COL_UNSIGNED_BIGINT,
	COL_DOUBLE,
	COL_BLOB,
};

/* Column flags, with osquery's meaning. */
#define COL_INDEX	0x01	/* part of the primary key; pushed down */
#define COL_REQUIRED	0x02	/* some required column must be
				 * constrained, or the query is refused */
#define COL_OPTIMIZED	0x04	/* the generator takes IN (...) at once */
#define COL_ADDITIONAL	0x08	/* pushed down, not a key */
#define COL_HIDDEN	0x10	/* not in SELECT * */

struct column {
	const char	*name;
	enum col_type	 type;
	unsigned int	 flags;
	const char	*collate;	/* NULL, "nocase", "version" ... */
	const char	*description;
};

struct gen_ctx;

struct table {
	const char		*name;
	const char		*description;	/* one line, ends in '.' */
	const char		*example;	/* one query */
	const struct column	*columns;
	int			 ncolumns;
	/* Produce the rows; 0 on success, -1 on an error that fails the
	 * query (after gen_error()).  A source that is absent or refused is
	 * not an error: gen_warn() and return the rows that could be read. */
	int			(*generate)(struct gen_ctx *);
};

#define NCOLUMNS(a)	((int)(sizeof(a) / sizeof((a)[0])))

/* Every table, in name order; NULL-terminated.  tables/registry.c. */
extern const struct table *const table_registry[];
const struct table *table_find(const char *name);

/*
 * Constraints pushed down for column index col.  Equalities include every
 * member of an IN list.  Values are as SQLite gave them: a text accessor
 * on an integer value returns its decimal text and vice versa.
 */
enum gen_op {
	GEN_EQ,
	GEN_LIKE,
	GEN_GLOB,
	GEN_GT,
	GEN_GE,
	GEN_LT,
	GEN_LE,
};

int		 gen_count(struct gen_ctx *, int col, enum gen_op);
const char	*gen_text(struct gen_ctx *, int col, enum gen_op, int i);
int64_t		 gen_int(struct gen_ctx *, int col, enum gen_op, int i);
/* Is this column read by the query at all (SQLite's colUsed)? */
int		 gen_used(struct gen_ctx *, int col);

/* The channel to privd, for worker/collect.h calls. */
struct collect	*gen_collect(struct gen_ctx *);

/* The serving process's own state (tables/runtime.h). */
struct runtime;
const struct runtime *gen_runtime(struct gen_ctx *);

/* Rows: begin, set the columns you have (the rest are NULL), end. */
void	row_begin(struct gen_ctx *);
void	row_text(struct gen_ctx *, int col, const char *);
void	row_textn(struct gen_ctx *, int col, const char *, size_t);
/* Text, or NULL when the text is empty. */
void	row_text_nonempty(struct gen_ctx *, int col, const char *);
void	row_int(struct gen_ctx *, int col, int64_t);
void	row_double(struct gen_ctx *, int col, double);
int	row_end(struct gen_ctx *);	/* -1 when out of memory */

/* A warning about this query's data (shell: stderr; daemon: status
 * log), and the error message of a query that cannot go on. */
void	gen_warn(struct gen_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	gen_error(struct gen_ctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif

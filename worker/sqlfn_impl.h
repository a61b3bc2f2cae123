/*
 * Shared by the files that define the SQL functions (worker/sqlfn_*.c):
 * the registration of a table of functions, one entry point per file,
 * and the accessors every function uses.
 */
#ifndef HOSTQL_WORKER_SQLFN_IMPL_H
#define HOSTQL_WORKER_SQLFN_IMPL_H

#include <stddef.h>

#include <sqlite3.h>

/* Every function here depends on its arguments only and has no side
 * effect that matters (community_id_v1 may log a warning), so each may
 * be used in views, indexes and triggers. */
#define SQLFN_FLAGS \
	(SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

typedef void	(*sqlfn_fn)(sqlite3_context *, int, sqlite3_value **);

struct sqlfn_def {
	const char	*name;
	int		 nargs;		/* -1: any number */
	sqlfn_fn	 fn;
};

int	sqlfn_create(sqlite3 *, const struct sqlfn_def *, size_t);

int	sqlfn_string_register(sqlite3 *);
int	sqlfn_regex_register(sqlite3 *);
int	sqlfn_net_register(sqlite3 *);
int	sqlfn_encode_register(sqlite3 *);
int	sqlfn_math_register(sqlite3 *);
int	sqlfn_version_register(sqlite3 *);

/* The value as text (a number as SQLite prints it, a blob's bytes) and
 * its length; NULL when out of memory, after setting that error. */
const char	*sqlfn_text(sqlite3_context *, sqlite3_value *, size_t *);
/* A copy of the bytes as the text result. */
void		 sqlfn_result_text(sqlite3_context *, const char *, size_t);
/* Does any argument hold NULL? */
int		 sqlfn_any_null(int, sqlite3_value **);

#endif

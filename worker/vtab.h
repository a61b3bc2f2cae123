/* The virtual table layer between SQLite and tables/; see vtab.c. */
#ifndef HOSTQL_WORKER_VTAB_H
#define HOSTQL_WORKER_VTAB_H

#include <sqlite3.h>

#include "../tables/table.h"

/* What every table of one database shares. */
struct vtab_env {
	struct collect		*collect;
	const struct runtime	*runtime;	/* never NULL */
	/* The last table whose plan lacked a required constraint, to name
	 * it when SQLite finds no plan at all. */
	const struct table	*missing_required;
	/* Statements are numbered; the scan memos of the one running. */
	uint64_t		 statement;
	struct scan_memo	*memos;
};

struct vtab_module {
	const struct table	*t;
	struct vtab_env		*env;
};

int		 vtab_register(sqlite3 *, struct vtab_module *);
/* CREATE TABLE text of a table, as SQLite sees it (sqlite3_free it). */
char		*vtab_schema_sql(const struct table *);
const char	*vtab_type_name(enum col_type);
/* A new statement begins: the last one's scan memos go (memo.c). */
void		 vtab_statement_begin(struct vtab_env *);

#endif

/*
 * The worker's SQLite database: in memory, defensive, with lowered limits,
 * no extension loading, every table of the registry as a virtual table,
 * and a per-statement deadline through the progress handler.
 */
#ifndef HOSTQL_WORKER_DB_H
#define HOSTQL_WORKER_DB_H

#include <sqlite3.h>

#include "collect.h"

struct db;

/* Open the database and register every table; NULL on failure. */
struct db	*db_open(struct collect *);
void		 db_close(struct db *);
sqlite3		*db_handle(struct db *);

/* Deadline for each statement, in milliseconds (0 = none). */
void		 db_set_timeout(struct db *, long ms);
/* The state the osquery_* tables show (tables/runtime.h); kept, not
 * copied. */
struct runtime;
void		 db_set_runtime(struct db *, const struct runtime *);
/* Call before each sqlite3_step() loop of a new statement. */
void		 db_start_deadline(struct db *);

/*
 * The message for the last error on the handle, made clear where SQLite's
 * own is not: a table whose required column was left out names that
 * column; a deadline names the timeout.
 */
const char	*db_errmsg(struct db *);

#endif

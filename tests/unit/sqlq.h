/*
 * One-value queries against an in-memory SQLite that has osquery's SQL
 * functions and collations (worker/sqlfn.h), for the sqlfn tests.
 */
#ifndef HOSTQL_TESTS_SQLQ_H
#define HOSTQL_TESTS_SQLQ_H

#include <sqlite3.h>

struct sqlq {
	sqlite3	*db;
	int	 type;		/* of the last value, or -1 on error */
	char	 buf[4096];
};

/* Open the database and register the functions; the test fails if it
 * cannot. */
void		 sqlq_open(struct sqlq *);
void		 sqlq_close(struct sqlq *);

/*
 * The first column of the first row of sql as text: "NULL" for NULL,
 * "ERROR: " and SQLite's message when the statement fails, "NO ROW"
 * without a row.  q->type gets the value's type.  The text lives in
 * q->buf until the next call.
 */
const char	*sqlq(struct sqlq *, const char *sql);

#endif

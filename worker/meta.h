/*
 * The shell's meta commands, osqueryi's: a line that begins with '.'
 * (.tables, .schema, .mode, .headers, .timer ...).  They change the
 * shell's settings, print what the table registry says, or run one query
 * through the shell (.all).
 */
#ifndef HOSTQL_WORKER_META_H
#define HOSTQL_WORKER_META_H

#include <stdio.h>

#include "db.h"
#include "printer.h"

struct outbuf;
struct table;

/* What the user may change while the shell runs. */
struct shell_settings {
	struct print_opts	 print;
	int			 timer;		/* print run times */
	int			 bail;		/* stop at the first error */
	long			 timeout_ms;	/* per-statement deadline */
};

enum meta_status {
	META_OK,
	META_ERROR,	/* the message is printed already */
	META_EXIT,	/* .quit, .exit */
};

struct meta_env {
	struct shell_settings	*set;
	struct db		*db;
	FILE			*out;
	/* Run SQL as a statement typed at the prompt (for .all): 0 on
	 * success, -1 on an error that was printed. */
	int			(*run_sql)(void *, const char *);
	void			*arg;
};

enum meta_status meta_run(struct meta_env *, const char *line);

/*
 * Split a meta command line into words, in place: blanks separate words,
 * '...' quotes literally, "..." quotes with C escapes (\n, \t, \\, \").
 * Returns the number of words (at most max), the first being the command
 * without its '.'.
 */
int	meta_split(char *line, char **words, int max);

/* "on", "off", "true", "yes", "1" ...: 0 or 1 into *v; -1 when neither. */
int	meta_bool(const char *, int *);

/* osquery's CREATE TABLE statement of a table, with ";" and "\n". */
int	meta_schema_of(const struct table *, struct outbuf *);

/* Does a table name match a .tables/.schema pattern?  A pattern with
 * '%' or '_' is a LIKE pattern, any other a prefix. */
int	meta_name_matches(const char *name, const char *pattern);

#endif

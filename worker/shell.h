/*
 * The hostql shell, as the worker runs it: one query from the command
 * line, statements from stdin when it is not a terminal, or an interactive
 * session with line editing, history and meta commands on a terminal.
 * Output modes and flags follow osqueryi's.
 */
#ifndef HOSTQL_WORKER_SHELL_H
#define HOSTQL_WORKER_SHELL_H

#include "db.h"

struct shell;

/* Exit statuses, as the command's. */
#define SHELL_EXIT_OK		0
#define SHELL_EXIT_QUERY	1	/* a query failed */
#define SHELL_EXIT_USAGE	2	/* bad flags or arguments */

/*
 * Parse the shell's arguments (argv[0] is the program name).  On a usage
 * error print a clear message to stderr and return NULL with *status set
 * to SHELL_EXIT_USAGE; for --help/--version print and return NULL with
 * *status 0.
 */
struct shell	*shell_new(int argc, char **argv, int *status);

/* Before confinement: open the history file, set up the terminal and
 * libedit, anything else that needs open(2). */
int		 shell_prepare(struct shell *);

/* After confinement: run and return the exit status. */
int		 shell_run(struct shell *, struct db *);

void		 shell_free(struct shell *);

/* Milliseconds of the per-query deadline the flags asked for. */
long		 shell_query_timeout(const struct shell *);

#endif

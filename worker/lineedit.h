/*
 * The interactive shell's line editing (libedit) and its history file,
 * ~/.hostql_history.  Everything that opens a file is done by
 * lineedit_open(), before the worker is confined; afterwards the history
 * is only appended to through the descriptor kept open.
 */
#ifndef HOSTQL_WORKER_LINEEDIT_H
#define HOSTQL_WORKER_LINEEDIT_H

#include <stddef.h>

#define LINEEDIT_HISTORY_NAME	".hostql_history"
#define LINEEDIT_HISTORY_MAX	1000	/* lines kept in the file */

#define LINEEDIT_PROMPT		"hostql> "
#define LINEEDIT_PROMPT_MORE	"    ...> "

struct lineedit;

/* NULL when the terminal cannot be set up (then read stdin plainly).
 * A history that cannot be opened is left out, with a warning. */
struct lineedit	*lineedit_open(const char *prog);
void		 lineedit_close(struct lineedit *);

/*
 * Read one line with the main or the continuation prompt, without its
 * newline.  NULL at end of input, or when a signal interrupted the read
 * (then *interrupted is 1).  The line is valid until the next call.
 */
const char	*lineedit_gets(struct lineedit *, int continuation,
		    int *interrupted);

/* Add a line to the history, in memory and at the end of the file. */
void		 lineedit_remember(struct lineedit *, const char *);

/* The terminal changed size: take it into account at the next line. */
void		 lineedit_resize(struct lineedit *);

/* Where the history of this user goes: $HOME, else the password entry.
 * Writes the path into buf; -1 when there is no home. */
int		 lineedit_history_path(char *buf, size_t size);

#endif

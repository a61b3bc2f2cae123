/*
 * /proc/<pid>/environ: the environment a process was started with (or
 * has written over it since), NUL-terminated KEY=value strings.
 */
#ifndef HOSTQL_TABLES_PROCENV_H
#define HOSTQL_TABLES_PROCENV_H

#include <stddef.h>

#include "textparse.h"

/*
 * The next variable of buf from *off: 1 with *key and *value set (spans
 * into buf), 0 at the end.  The key runs to the first '='; a string
 * without one is a key with an empty value.  Empty strings are skipped.
 */
int	procenv_next(const char *buf, size_t len, size_t *off,
	    struct span *key, struct span *value);

#endif

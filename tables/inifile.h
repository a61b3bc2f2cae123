/*
 * INI files as yum and dnf read their configuration and .repo files:
 * "[section]" headers, "key=value" lines (spaces around either side
 * ignored), comment lines that start with '#' or ';', and lines that
 * start with a space or a tab continuing the value before them (blank
 * lines among them included), as Python's configparser reads them.
 * Pure: spans point into the caller's buffer.
 */
#ifndef HOSTQL_TABLES_INIFILE_H
#define HOSTQL_TABLES_INIFILE_H

#include <stddef.h>

#include "textparse.h"

enum ini_kind {
	INI_SECTION,
	INI_KEY,
};

struct ini_item {
	enum ini_kind	kind;
	struct span	section;	/* the current section's name */
	struct span	key;		/* INI_KEY only */
	struct span	value;		/* the first line's value, trimmed */
	struct span	full;		/* the value with its continuation
					 * lines, from after the '=' */
};

/*
 * The next section header or key of buf from *off; lines that are
 * neither (comments, blank lines, junk) are skipped.  An indented line
 * continues the key before it, if any, and is read as a line of its own
 * otherwise.  *section carries the current section from one
 * call to the next (start with it empty).  0 at the end.
 */
int	ini_next(const char *buf, size_t len, size_t *off,
	    struct span *section, struct ini_item *);

/* A value's lines joined by single spaces, NUL-terminated into buf and
 * cut to fit; returns the length. */
size_t	ini_join(struct span full, char *buf, size_t len);

#endif

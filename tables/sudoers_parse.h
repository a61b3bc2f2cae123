/*
 * Pure parser of sudoers(5) text into what the sudoers table lists: the
 * rules (a header word, the rest of the line) and the include
 * directives, with the comments and blank lines left out.
 */
#ifndef HOSTQL_TABLES_SUDOERS_PARSE_H
#define HOSTQL_TABLES_SUDOERS_PARSE_H

#include <stddef.h>

#include "textparse.h"

enum sudoers_kind {
	SUDOERS_RULE,		/* Defaults, an alias, a user specification */
	SUDOERS_INCLUDE,	/* #include or @include: a file */
	SUDOERS_INCLUDEDIR,	/* #includedir or @includedir: a directory */
};

struct sudoers_entry {
	enum sudoers_kind	kind;
	struct span		header;		/* a rule's first word */
	struct span		details;	/* a rule's other words joined
						 * by one space; an include's
						 * path, unquoted */
};

/*
 * The next entry of buf from *off; 0 at the end.  A line that ends in a
 * backslash goes on on the next line, as sudo reads it.  A line whose
 * first word starts with '#' is a comment, unless it is an include
 * directive or a "#uid" user (a digit after the '#').  The spans point
 * into out, which has room for len bytes and is rewritten by each call.
 */
int	sudoers_next(const char *buf, size_t len, size_t *off, char *out,
	    struct sudoers_entry *);

#endif

/*
 * Control-file stanzas (deb822): dpkg's status file and its updates
 * journal, APT's .sources and Release files, and the RFC 822 headers that
 * Python's METADATA and PKG-INFO files start with.
 *
 * A stanza is a run of lines that are not blank; one or more blank lines
 * (empty, or only spaces, tabs and '\r') separate stanzas.  A field starts
 * at a line "Name: value"; the lines after it that begin with a space or
 * a tab continue it.  With DEB822_COMMENTS, lines that begin with '#' are
 * comments, as APT reads its .sources files.
 *
 * Every function is pure and bounded by the lengths it is given: spans
 * point into the caller's buffer.
 */
#ifndef HOSTQL_TABLES_DEB822_H
#define HOSTQL_TABLES_DEB822_H

#include <stddef.h>

#include "textparse.h"

#define DEB822_COMMENTS	0x01	/* '#' lines are comments */

struct deb822_field {
	struct span	name;
	struct span	value;		/* the first line's text, trimmed */
	struct span	full;		/* every line of the value, from
					 * after the colon, untrimmed */
};

/* The next stanza of buf from *off, without the blank lines around it;
 * 0 when only blank lines (or nothing) are left. */
int	deb822_next_stanza(const char *buf, size_t len, size_t *off,
	    struct span *stanza);

/*
 * How much of buf is made of whole stanzas: the length up to the end of
 * its last blank line, 0 when it has none.  A reader that gets a file in
 * pieces parses that much and keeps the rest for the next piece.
 */
size_t	deb822_complete_len(const char *buf, size_t len);

/* The next field of a stanza from *off (0 to start); lines that are not
 * fields (no colon, an empty name, a continuation with no field before
 * it) are skipped.  0 at the end. */
int	deb822_next_field(struct span stanza, size_t *off, unsigned int flags,
	    struct deb822_field *);

/* The first field called name, compared without regard to case as dpkg
 * and APT do; -1 when there is none. */
int	deb822_find(struct span stanza, const char *name, unsigned int flags,
	    struct deb822_field *);

/* Does the span equal the string, ignoring ASCII case? */
int	deb822_name_eq(struct span, const char *);

#endif

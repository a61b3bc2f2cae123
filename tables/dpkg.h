/*
 * What dpkg's database says of one package: the fields of a stanza of
 * its status file (or of its updates journal), as dpkg-query prints them.
 */
#ifndef HOSTQL_TABLES_DPKG_H
#define HOSTQL_TABLES_DPKG_H

#include <stddef.h>

#include "textparse.h"

struct dpkg_pkg {
	struct span	name;		/* Package */
	struct span	version;	/* Version, without a "0:" epoch */
	struct span	revision;	/* after the version's last '-' */
	struct span	arch;		/* Architecture */
	struct span	source;		/* Source, as written */
	struct span	size;		/* Installed-Size, in KiB */
	struct span	maintainer;
	struct span	section;
	struct span	priority;	/* as written; see dpkg_priority() */
	struct span	want;		/* the three words of Status */
	struct span	eflag;
	struct span	state;
	int		has_source, has_size, has_maintainer, has_section;
};

/* Fill p from one stanza; -1 when it names no package. */
int	dpkg_parse_stanza(struct span stanza, struct dpkg_pkg *p);

/* Is the package in the database at all?  dpkg lists every state but
 * "not-installed" (a purged package the file still remembers). */
int	dpkg_listed(const struct dpkg_pkg *);

/*
 * The priority as dpkg names it: the five it knows in lower case
 * whatever case they were written in, "unknown" when there is none,
 * anything else as written.  Points at a constant or into the stanza.
 */
struct span	dpkg_priority(const struct dpkg_pkg *);

/* "want eflag state" with single spaces, NUL-terminated into buf and
 * cut to fit.  Returns the length. */
size_t	dpkg_status_text(const struct dpkg_pkg *, char *buf, size_t len);

/* Do two stanzas describe the same package (name and architecture)? */
int	dpkg_same_package(const struct dpkg_pkg *, const struct dpkg_pkg *);

#endif

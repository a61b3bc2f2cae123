/*
 * APT's sources: the one-line form of sources.list ("deb [options] uri
 * suite component...") and the deb822 form of *.sources files (Types,
 * URIs, Suites, Components, Enabled), the name APT gives the Release file
 * it fetched for a source under /var/lib/apt/lists, and the fields of
 * that Release file.  Pure functions over spans of the caller's buffer.
 */
#ifndef HOSTQL_TABLES_APTSOURCE_H
#define HOSTQL_TABLES_APTSOURCE_H

#include <stddef.h>

#include "textparse.h"

/* One repository: a URI and a suite ("bookworm", or a path ending in
 * '/' for a flat repository). */
struct apt_source {
	struct span	uri;		/* as written */
	struct span	suite;
};

/*
 * A line of a .list file: 0 and *src for a "deb" line, -1 for anything
 * else (comments, blank lines, deb-src, a line cut short, a URI with no
 * scheme).
 */
int	apt_parse_line(struct span line, struct apt_source *src);

/*
 * A stanza of a .sources file: fn is called for each URI and suite of an
 * enabled stanza whose Types include "deb", in the order written; its
 * non-zero return stops the walk and is returned.  0 otherwise.
 */
typedef int (*apt_source_fn)(void *arg, const struct apt_source *);
int	apt_parse_stanza(struct span stanza, apt_source_fn fn, void *arg);

/* The URI without the '/'s that end it: the base_uri column. */
struct span	apt_base_uri(const struct apt_source *);

/* "host/path suite", the URI without its scheme and ending '/'s, as
 * osquery names a source; NUL-terminated into buf, -1 if it does not
 * fit. */
int	apt_source_name(const struct apt_source *, char *buf, size_t len);

/*
 * The file name APT keeps the source's Release file under, without its
 * last part: "deb.debian.org_debian_dists_bookworm_" (then "InRelease"
 * or "Release").  The URI loses its scheme and user, bytes APT quotes
 * become %xx, and '/' becomes '_'.  -1 if it does not fit.
 */
int	apt_lists_prefix(const struct apt_source *, char *buf, size_t len);

/* What a Release (or InRelease) file says of its repository. */
struct apt_release {
	struct span	origin;
	struct span	codename;
	struct span	version;
	struct span	components;
	struct span	architectures;
	int		has_origin, has_codename, has_version;
	int		has_components, has_architectures;
};

/* The fields of the first stanza that has any of them (an InRelease
 * file starts with the stanza of its signature's header); -1 when no
 * stanza has. */
int	apt_parse_release(const char *buf, size_t len, struct apt_release *);

#endif

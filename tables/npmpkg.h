/*
 * What a Node package's package.json says of it, parsed with jansson:
 * name, version, description, homepage, author (a string, or an object's
 * "name") and license (a string, or the "url" of the object older
 * packages give).  A member that is there but is not a string reads as
 * "", as osquery reads it.
 */
#ifndef HOSTQL_TABLES_NPMPKG_H
#define HOSTQL_TABLES_NPMPKG_H

#include <stddef.h>

struct npm_manifest {
	void		*root;		/* the parsed document */
	const char	*name;		/* NULL when absent */
	const char	*version;
	const char	*description;
	const char	*homepage;
	const char	*author;
	const char	*license;
};

/* 0, or -1 when buf is not a JSON object (err says why). */
int	npm_manifest_parse(const char *buf, size_t len,
	    struct npm_manifest *, char *err, size_t errlen);
void	npm_manifest_free(struct npm_manifest *);

#endif

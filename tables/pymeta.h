/*
 * The core metadata of an installed Python distribution: the RFC 822
 * header of its METADATA (.dist-info) or PKG-INFO (.egg-info) file, up
 * to the first blank line.  Pure: spans point into the caller's buffer.
 */
#ifndef HOSTQL_TABLES_PYMETA_H
#define HOSTQL_TABLES_PYMETA_H

#include <stddef.h>

#include "textparse.h"

struct pymeta {
	struct span	name;
	struct span	version;
	struct span	summary;
	struct span	author;
	struct span	license;	/* its first line; License-Expression
					 * when there is no License */
	int		has_name, has_version, has_summary;
	int		has_author, has_license;
};

/* -1 when the header has no field at all. */
int	pymeta_parse(const char *buf, size_t len, struct pymeta *);

#endif

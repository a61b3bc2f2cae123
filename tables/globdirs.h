/*
 * The directories a path pattern names below a literal directory
 * ("python%/dist-packages" below "/usr/lib"; '%' and '_' match within
 * one segment as pathglob_match() has them), found through privd's
 * LIST_DIR: where the package tables look for installed packages.  The
 * directory is never read as a pattern, so a home directory named
 * "/home/a_b" is only itself.
 */
#ifndef HOSTQL_TABLES_GLOBDIRS_H
#define HOSTQL_TABLES_GLOBDIRS_H

#include <stddef.h>

#include "table.h"

struct globdirs {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

/*
 * Add the paths pattern names below base to *out, in name order; literal
 * segments are taken without looking whether they are there.  Returns 0,
 * or -1 when out of memory; a directory privd refuses to list is a
 * gen_warn().
 */
int	globdirs_add(struct gen_ctx *, const char *base, const char *pattern,
	    struct globdirs *out);
/* Add one path as it is. */
int	globdirs_add_path(struct globdirs *, const char *path);
void	globdirs_free(struct globdirs *);

#endif

/*
 * The names in one directory, sorted, read through privd's LIST_DIR: what
 * the package tables walk (sources.list.d, yum.repos.d, dpkg's info and
 * updates directories, site-packages, node_modules).
 */
#ifndef HOSTQL_TABLES_DIRLIST_H
#define HOSTQL_TABLES_DIRLIST_H

#include <stddef.h>

#include "table.h"

struct dirent_name {
	char		*name;
	unsigned int	 d_type;	/* DT_*, DT_UNKNOWN when not known */
};

struct dirlist {
	struct dirent_name	*v;
	size_t			 n;
	size_t			 cap;
	int			 nomem;
};

/* Which names to keep; NULL keeps every name but "." and "..". */
typedef int (*dirlist_filter_fn)(const char *name, unsigned int d_type);

/*
 * List dir into *dl, sorted by name (bytes).  Returns 0, or the negative
 * errno of the listing (-ENOENT for a directory that is not there,
 * -EACCES when the policy refuses it, -ENOMEM), after which *dl is empty.
 */
int	dirlist_read(struct collect *, const char *dir, dirlist_filter_fn,
	    struct dirlist *dl);
void	dirlist_free(struct dirlist *);

/* Does name end in suffix (and hold more than the suffix)? */
int	dirlist_has_suffix(const char *name, const char *suffix);

/*
 * dir + "/" + name in the form privd takes (pathglob_canonical), into
 * buf; -1 when it is relative, holds "..", or does not fit.
 */
int	dirlist_path(const char *dir, const char *name, char *buf, size_t len);

/* Is path a regular file, following links, as cron, sudo and ssh want
 * the files of a directory they read?  0 when it cannot be stat'ed. */
int	dirlist_is_regular(struct collect *, const char *path);

#endif

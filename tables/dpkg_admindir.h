/*
 * The dpkg databases the deb tables read: the admindirs a query names
 * in its admindir column ("WHERE admindir = ..."), else dpkg's own.
 */
#ifndef HOSTQL_TABLES_DPKG_ADMINDIR_H
#define HOSTQL_TABLES_DPKG_ADMINDIR_H

#include <stddef.h>

#include "table.h"

#define DPKG_ADMINDIR	"/var/lib/dpkg"

/*
 * Call fn for each admindir the equalities on column col name, or for
 * DPKG_ADMINDIR when there are none, until fn returns non-zero, which is
 * returned; a -1 (out of memory) after gen_error().
 */
typedef int (*dpkg_admindir_fn)(struct gen_ctx *, const char *admindir);
int	dpkg_admindir_each(struct gen_ctx *, int col, dpkg_admindir_fn);

/* admindir + "/" + name into buf, in the form privd takes; -1 after a
 * warning when admindir is not an absolute path (or too long). */
int	dpkg_admindir_path(struct gen_ctx *, const char *admindir,
	    const char *name, char *buf, size_t len);

#endif

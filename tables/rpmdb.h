/*
 * The RPM database: the header of every installed package, read from
 * rpm's sqlite backend (rpmdb.sqlite, rpm 4.16 and later) or its
 * Berkeley DB one (Packages, RHEL and CentOS 7 and 8) under /var/lib/rpm
 * or /usr/lib/sysimage/rpm.  privd opens the file; the worker reads it
 * through a read-only SQLite connection of its own (sqlitefd.h) or page
 * by page (bdbhash.h), and parses each header blob with rpmheader.h.
 * The ndb backend (SUSE) is not read.
 */
#ifndef HOSTQL_TABLES_RPMDB_H
#define HOSTQL_TABLES_RPMDB_H

#include <stddef.h>

#include "rpmheader.h"
#include "table.h"

/* Called once per package; returns 0 to go on, -1 when out of memory. */
typedef int (*rpmdb_header_fn)(struct gen_ctx *, const struct rpmhdr *,
    void *arg);

/*
 * Every package's header, or only those of the packages the n names
 * name when n > 0 (through the sqlite database's Name index).
 * A database that is missing, refused, of another backend or damaged is
 * a gen_warn() and gives what could be read.  Returns 0, or -1 when fn
 * did (the caller says so).
 */
int	rpmdb_each(struct gen_ctx *, const char *const *names, size_t n,
	    rpmdb_header_fn fn, void *arg);

/* The names a query's equality constraints on col give: a malloc'd
 * array (NULL and *n 0 when there are none); -1 when out of memory. */
int	rpmdb_wanted_names(struct gen_ctx *, int col, const char ***names,
	    size_t *n);

#endif

/*
 * The hidden pid_with_namespace column of the tables that read the
 * host's own files (/etc/hosts, /etc/resolv.conf): another process's
 * namespace is not read, as its files would need privd to enter it, and
 * 0, osquery's value for the host's own, is fine.
 */
#ifndef HOSTQL_TABLES_PIDNS_H
#define HOSTQL_TABLES_PIDNS_H

#include "table.h"

/* Does the query ask column col for another process's namespace?  1,
 * after a warning (the table then gives no rows), or 0. */
int	pidns_other_asked(struct gen_ctx *, int col);

#endif

/*
 * The per-process tables' pid push-down: "pid = N" and "pid IN (...)"
 * read the /proc files of those processes only, every other query reads
 * them all, in one PROC_READ batch either way.
 */
#ifndef HOSTQL_TABLES_PROCPIDS_H
#define HOSTQL_TABLES_PROCPIDS_H

#include <stdint.h>

#include "table.h"

/*
 * Read the files of the kinds mask for the pids the query constrains
 * column col to (every process when it does not), calling cb as
 * collect_proc_read() does.  Values that cannot be a pid match nothing.
 * Returns 0, or a negative errno: the collector's, or -ENOMEM.
 */
int	procpids_read(struct gen_ctx *, int col, uint32_t kinds,
	    collect_proc_fn cb, void *arg);

#endif

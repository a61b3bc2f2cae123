/*
 * The per-process tables' pid push-down: "pid = N" and "pid IN (...)"
 * read the /proc files of those processes only, every other query reads
 * them all, in one PROC_READ batch either way.
 */
#ifndef HOSTQL_TABLES_PROCPIDS_H
#define HOSTQL_TABLES_PROCPIDS_H

#include <stdint.h>

#include "table.h"
#include "textparse.h"

/*
 * Read the files of the kinds mask for the pids the query constrains
 * column col to (every process when it does not), calling cb as
 * collect_proc_read() does.  Values that cannot be a pid match nothing.
 * Returns 0, or a negative errno: the collector's, or -ENOMEM.
 */
int	procpids_read(struct gen_ctx *, int col, uint32_t kinds,
	    collect_proc_fn cb, void *arg);

/*
 * The collect_proc_fn of a PROC_FDS read (arg: a struct procpids_fds):
 * fn once for each descriptor of each process, with the target of its
 * link, until fn returns non-zero.  A process that exited meanwhile, or
 * a kernel thread, has none; a list that is not well-formed is counted.
 */
typedef int (*procpids_fd_fn)(void *arg, int32_t pid, uint32_t fd,
    struct span target);

struct procpids_fds {
	procpids_fd_fn	 fn;
	void		*arg;
	int		 stopped;	/* fn's non-zero value, if any */
	int		 malformed;	/* lists given up on */
};

int	procpids_fds(void *arg, int32_t pid, unsigned int kind, int err,
	    const char *data, size_t len);

#endif

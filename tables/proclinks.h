/*
 * The link lists PROC_READ returns for a process: PROC_FDS (every
 * /proc/<pid>/fd/N link, as u32 fd and str target) and PROC_NS (every
 * /proc/<pid>/ns/X link, as str name and str target), encoded with the
 * wire's fields (ipc/catalogue.h).  A cursor walks one list and refuses
 * anything that is not exactly that encoding.
 */
#ifndef HOSTQL_TABLES_PROCLINKS_H
#define HOSTQL_TABLES_PROCLINKS_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

struct proclinks {
	const unsigned char	*p;
	size_t			 len;
	size_t			 off;
};

void	proclinks_init(struct proclinks *, const char *data, size_t len);

/* The next descriptor of a PROC_FDS list: 1 with *fd and *target set,
 * 0 at the end, -1 when the rest of the list is malformed. */
int	proclinks_next_fd(struct proclinks *, uint32_t *fd,
	    struct span *target);

/* The next namespace of a PROC_NS list, likewise. */
int	proclinks_next_ns(struct proclinks *, struct span *name,
	    struct span *target);

/* The N of a "<kind>:[N]" target ("pipe:[1234]", "net:[4026531840]"),
 * with any kind when kind is NULL; 0 when the target is not that. */
uint64_t proclinks_inode(struct span target, const char *kind);

/* Does the target start with "<kind>:"? */
int	proclinks_is(struct span target, const char *kind);

#endif

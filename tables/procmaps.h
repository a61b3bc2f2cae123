/*
 * /proc/<pid>/maps: one line per mapping,
 *
 *	start-end perms offset major:minor inode [path]
 *
 * with addresses and offset in hex, the path padded to a column and
 * allowed to hold spaces (and to end in " (deleted)").
 */
#ifndef HOSTQL_TABLES_PROCMAPS_H
#define HOSTQL_TABLES_PROCMAPS_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

struct procmaps_entry {
	struct span	start;		/* hex digits, no "0x" */
	struct span	end;
	struct span	perms;		/* "r-xp" */
	uint64_t	offset;
	struct span	device;		/* "fd:01" */
	uint64_t	inode;
	struct span	path;		/* length 0 for anonymous memory */
};

/*
 * The mapping on the next line of buf from *off: 1 with *e set (spans
 * into buf), 0 at the end, -1 when that line is malformed (*off is past
 * it, so the caller may go on with the next).
 */
int	procmaps_next(const char *buf, size_t len, size_t *off,
	    struct procmaps_entry *e);

#endif

/*
 * /proc/iomem: the physical address map, one region per line, nested
 * regions indented by two spaces a level,
 *
 *	00100000-bfffffff : System RAM
 *	  01000000-022090c7 : Kernel code
 *
 * Readers without CAP_SYS_ADMIN see every address as zero.
 */
#ifndef HOSTQL_TABLES_IOMEM_H
#define HOSTQL_TABLES_IOMEM_H

#include <stddef.h>

#include "textparse.h"

struct iomem_region {
	struct span	start;		/* hex digits, no "0x" */
	struct span	end;
	struct span	name;		/* may be empty */
	int		depth;		/* 0 for a top-level region */
};

/* The region on the next line of buf from *off: 1 with *r set (spans
 * into buf), 0 at the end, -1 when that line is malformed (*off is past
 * it). */
int	iomem_next(const char *buf, size_t len, size_t *off,
	    struct iomem_region *r);

/* Is every digit of the address zero (the map as non-root sees it)? */
int	iomem_zero(struct span addr);

#endif

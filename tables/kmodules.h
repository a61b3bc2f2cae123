/*
 * A pure parser of /proc/modules lines: "name size refcount used_by
 * state address [taints]", one loaded module a line.
 */
#ifndef HOSTQL_TABLES_KMODULES_H
#define HOSTQL_TABLES_KMODULES_H

#include <stdint.h>

#include "textparse.h"

struct kmodule_line {
	struct span	name;
	uint64_t	size;		/* bytes of the module's memory */
	struct span	refcount;	/* a number, or "-" when unloadable */
	struct span	used_by;	/* "mod1,mod2," or "-" */
	struct span	status;		/* Live, Loading, Unloading */
	struct span	address;	/* "0x..." (zeros when kptr_restrict) */
	struct span	taints;		/* "(OE)", or empty */
};

/* 0, or -1 for a line with fewer than six fields or a size that is not
 * a number. */
int	kmodule_parse_line(struct span, struct kmodule_line *);

#endif

/*
 * A pure summary of /proc/cpuinfo: the processor counts and the first
 * processor's brand, model and microcode, as system_info reports them.
 */
#ifndef HOSTQL_TABLES_CPUINFO_H
#define HOSTQL_TABLES_CPUINFO_H

#include "textparse.h"

struct cpuinfo {
	int		logical;	/* "processor" entries */
	int		physical;	/* distinct (physical id, core id) */
	int		sockets;	/* distinct physical ids; -1 unknown */
	struct span	brand;		/* "model name", into the buffer */
	struct span	model;		/* "model" */
	struct span	microcode;	/* "microcode" */
};

/* Always 0; counts are 0 (sockets -1) when the text has no entries. */
int	cpuinfo_parse(const char *, size_t, struct cpuinfo *);

#endif

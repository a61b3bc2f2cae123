/*
 * /proc/<pid>/limits: the resource limits of a process, one per line,
 *
 *	Max open files            1024                 524288      files
 *
 * named as people read them.  They are given here with the short names
 * of getrlimit(2)'s resources that osquery's ulimit_info uses.
 */
#ifndef HOSTQL_TABLES_PROCLIMITS_H
#define HOSTQL_TABLES_PROCLIMITS_H

#include <stddef.h>

#include "textparse.h"

/* In the order ulimit_info lists them (osquery's: by name). */
enum proclimit {
	LIMIT_AS,
	LIMIT_CORE,
	LIMIT_CPU,
	LIMIT_DATA,
	LIMIT_FSIZE,
	LIMIT_LOCKS,
	LIMIT_MEMLOCK,
	LIMIT_MSGQUEUE,
	LIMIT_NICE,
	LIMIT_NOFILE,
	LIMIT_NPROC,
	LIMIT_RSS,
	LIMIT_RTPRIO,
	LIMIT_SIGPENDING,
	LIMIT_STACK,
	LIMIT_MAX
};

/* A limit is "unlimited" or a decimal number, as the file shows it;
 * both spans have length 0 when the file did not list the resource. */
struct proclimit_value {
	struct span	soft;
	struct span	hard;
};

/* Fill v (spans into buf) and return how many resources were found;
 * a line that does not parse is left out. */
int	proclimits_parse(const char *buf, size_t len,
	    struct proclimit_value v[LIMIT_MAX]);

/* "nofile" and so on. */
const char *proclimits_name(enum proclimit);

#endif

/*
 * Where a symbolic link leads, worked out as text: the worker reads
 * through privd, which does not follow a link out of the tree a policy
 * rule allows, so a table that must follow one (/etc/resolv.conf into
 * /run, /sys/class/net/eth0 into /sys/devices) reads the link and asks
 * for the path it names, which the policy then judges on its own.
 */
#ifndef HOSTQL_TABLES_PATHRESOLVE_H
#define HOSTQL_TABLES_PATHRESOLVE_H

#include <stddef.h>

/*
 * The absolute path a link's target names, for a link in directory dir
 * (absolute): target itself when absolute, else dir/target; "." and ".."
 * resolved and repeated slashes dropped, NUL-terminated in out.  -1 when
 * it climbs above the root or does not fit.
 */
int	path_resolve(const char *dir, const char *target, char *out,
	    size_t outsz);

#endif

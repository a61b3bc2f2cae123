/*
 * A pure helper for what sysfs gives: the "KEY=value" lines of a
 * device's uevent file.  (The links sysfs lists devices by are resolved
 * with path_resolve(), tables/pathresolve.h.)
 */
#ifndef HOSTQL_TABLES_SYSFS_H
#define HOSTQL_TABLES_SYSFS_H

#include <stddef.h>

#include "textparse.h"

/* The value of the first "key=value" line of a uevent file (without its
 * newline); -1 when there is none, or key is empty. */
int	sysfs_uevent_value(const char *buf, size_t len, const char *key,
	    struct span *value);

#endif

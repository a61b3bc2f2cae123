/*
 * One-line values of small system files (/proc/sys/kernel/hostname,
 * /sys/class/dmi/id/product_name ...), read through privd and trimmed.
 */
#ifndef HOSTQL_TABLES_SYSVALUE_H
#define HOSTQL_TABLES_SYSVALUE_H

#include <stddef.h>

#include "table.h"

/* The first line of path, trimmed, NUL-terminated in out (cut to
 * outsz - 1 bytes).  0, or the negative errno of the read, with out
 * then the empty string. */
int	sysvalue_read(struct gen_ctx *, const char *path, char *out,
	    size_t outsz);

#endif

/*
 * The home directories of the accounts of /etc/passwd, for the tables
 * that look into users' files (per-user package directories): each home
 * once, with the first account that has it.
 */
#ifndef HOSTQL_TABLES_HOMES_H
#define HOSTQL_TABLES_HOMES_H

#include <stddef.h>
#include <stdint.h>

#include "table.h"

struct home {
	uint32_t	 uid;
	char		*dir;
};

struct homes {
	struct home	*v;
	size_t		 n;
	size_t		 cap;
};

/* Read /etc/passwd into *h; homes that are not absolute or are "/" are
 * left out.  -1 when out of memory; a passwd that cannot be read is a
 * gen_warn() and no homes. */
int	homes_read(struct gen_ctx *, struct homes *h);
void	homes_free(struct homes *h);

#endif

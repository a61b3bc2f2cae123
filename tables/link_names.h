/*
 * Interface index -> name and flags, from one RTM_GETLINK dump, for the
 * tables that show rtnetlink objects by interface (routes, addresses).
 */
#ifndef HOSTQL_TABLES_LINK_NAMES_H
#define HOSTQL_TABLES_LINK_NAMES_H

#include <stddef.h>

#include "netlink_parse.h"
#include "nldump.h"
#include "table.h"

struct link_names {
	struct nlp_link	*v;
	size_t		 n;
	size_t		 cap;
	struct nldump	 dump;
};

/* Parse one buffer of an RTM_GETLINK dump into l; the return value of
 * nlp_links().  Pure: the unit tests feed it fixtures. */
int	link_names_parse(struct link_names *, const void *buf, size_t len);
/* Run the dump through privd; 0, or -1 after gen_error().  A refused
 * or failed dump is a warning and leaves the list empty. */
int	link_names_load(struct gen_ctx *, struct link_names *);
const struct nlp_link *link_names_find(const struct link_names *,
	    int32_t index);
void	link_names_free(struct link_names *);

#endif

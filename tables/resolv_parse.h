/*
 * /etc/resolv.conf as glibc's resolver reads it (res_init): the name
 * servers, the search list, the sort list and the option bits it ends
 * up with, so dns_resolvers shows what every program on the host uses.
 * Pure: the text in, the settings out.  The environment (LOCALDOMAIN,
 * RES_OPTIONS) of one program is not the host's and is not applied.
 */
#ifndef HOSTQL_TABLES_RESOLV_PARSE_H
#define HOSTQL_TABLES_RESOLV_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "textparse.h"

/* glibc's limits (resolv.h): what it keeps of each list. */
#define RESOLV_MAXNS		3
#define RESOLV_MAXDNSRCH	6
#define RESOLV_MAXSORT		10
/* The search list's room in glibc's state, names and their NULs. */
#define RESOLV_SEARCH_ROOM	256

/* Text of a name server: an IPv6 address, '%' and a scope. */
#define RESOLV_NS_TEXT		(46 + 1 + 64)

struct resolv_ns {
	int		family;		/* AF_INET or AF_INET6 */
	char		text[RESOLV_NS_TEXT];
};

struct resolv_sort {
	uint8_t		addr[4];	/* network order */
	uint8_t		mask[4];
};

struct resolv_conf {
	struct resolv_ns	ns[RESOLV_MAXNS];
	size_t			nns;
	struct span		search[RESOLV_MAXDNSRCH];
	size_t			nsearch;
	int			search_set;	/* a search or domain line */
	struct resolv_sort	sort[RESOLV_MAXSORT];
	size_t			nsort;
	uint64_t		options;	/* RES_* */
};

/*
 * Parse the file's text.  Without a nameserver line glibc asks the
 * local host (127.0.0.1), and that is what conf says too.  The search
 * spans point into buf.
 */
void	resolv_parse(const char *buf, size_t len, struct resolv_conf *);

/*
 * Without a search or domain line, glibc searches the domain of the
 * host's name (what follows its first dot): set it from the host name
 * (which must outlive conf).  Does nothing when the file set a list.
 */
void	resolv_default_search(struct resolv_conf *, const char *hostname,
	    size_t len);

/* The length of a contiguous netmask, or -1 when it is not one. */
int	resolv_mask_bits(const uint8_t mask[4]);

#endif

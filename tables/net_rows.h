/*
 * What the interface_addresses and routes tables show for one parsed
 * rtnetlink object, as text: pure, so the rules (osquery's, where it
 * has one) are unit tested on fixtures without privd.
 */
#ifndef HOSTQL_TABLES_NET_ROWS_H
#define HOSTQL_TABLES_NET_ROWS_H

#include "netlink_parse.h"

struct ifaddr_row {
	char		interface[NLP_IFNAMSIZ + 12];
	char		address[NLP_ADDRSTRLEN];
	char		mask[NLP_ADDRSTRLEN];
	char		broadcast[NLP_ADDRSTRLEN];	/* "" = NULL */
	char		point_to_point[NLP_ADDRSTRLEN];	/* "" = NULL */
	const char	*type;
};

struct route_row {
	char		destination[NLP_ADDRSTRLEN];
	int		netmask;
	char		gateway[NLP_ADDRSTRLEN];	/* "" = NULL */
	char		source[NLP_ADDRSTRLEN];		/* "" = NULL */
	int64_t		flags;
	char		interface[NLP_IFNAMSIZ + 12];	/* "" = NULL */
	int64_t		mtu;
	int64_t		metric;
	const char	*type;
	int64_t		hopcount;
};

/* link is the address's interface, NULL when the dump did not have it. */
void	ifaddr_row_make(const struct nlp_addr *, const struct nlp_link *link,
	    struct ifaddr_row *);
/* link is the route's output interface, NULL when none or unknown. */
void	route_row_make(const struct nlp_route *, const struct nlp_link *link,
	    struct route_row *);

#endif

/*
 * rtnetlink objects beyond what tables/netlink_parse.h keeps: a link
 * with its hardware address, type and counters (interface_details), and
 * a neighbour (arp_cache).  Walks over the same buffers of RTM_GETLINK
 * and RTM_GETNEIGH dump replies, with nlp_walk()'s return values; every
 * attribute is checked against its message before it is read.
 */
#ifndef HOSTQL_TABLES_RTNL_PARSE_H
#define HOSTQL_TABLES_RTNL_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "netlink_parse.h"

/* The longest link-layer address kept (the kernel's MAX_ADDR_LEN). */
#define RTNL_LLADDR_MAX	32
/* Text of such an address: two hex digits and a colon a byte. */
#define RTNL_LLADDR_TEXT	(RTNL_LLADDR_MAX * 3)

/* The counters of a link, 64-bit (IFLA_STATS64, else IFLA_STATS). */
struct rtnl_counters {
	uint64_t	rx_packets, tx_packets;
	uint64_t	rx_bytes, tx_bytes;
	uint64_t	rx_errors, tx_errors;
	uint64_t	rx_dropped, tx_dropped;
	uint64_t	collisions;
};

struct rtnl_link {
	int32_t		index;
	uint16_t	type;		/* ARPHRD_* */
	uint32_t	flags;		/* IFF_*, as the header has them */
	uint32_t	mtu;
	char		name[NLP_IFNAMSIZ];
	uint8_t		addr[RTNL_LLADDR_MAX];
	size_t		addr_len;	/* 0 when the link has none */
	unsigned int	has_counters:1, has_promiscuity:1, has_allmulti:1;
	uint32_t	promiscuity;	/* IFLA_PROMISCUITY */
	uint32_t	allmulti;	/* IFLA_ALLMULTI */
	struct rtnl_counters counters;
};

struct rtnl_neigh {
	uint8_t		family;
	int32_t		index;
	uint16_t	state;		/* NUD_* */
	uint8_t		flags;		/* NTF_* */
	uint8_t		dst[16];	/* 4 or 16 bytes used */
	uint8_t		lladdr[RTNL_LLADDR_MAX];
	size_t		lladdr_len;	/* 0 when the entry has none */
};

typedef int (*rtnl_link_fn)(void *arg, const struct rtnl_link *);
typedef int (*rtnl_neigh_fn)(void *arg, const struct rtnl_neigh *);

int	rtnl_links(const void *buf, size_t len, rtnl_link_fn, void *arg);
/* Neighbours with a destination of their family's size only. */
int	rtnl_neighs(const void *buf, size_t len, rtnl_neigh_fn, void *arg);

/*
 * The flags ifconfig and sysfs show: the header's flags carry the
 * promiscuous and all-multicast modes a user asked for, the counts the
 * modes the device is really in (a bridge port, a packet capture).
 */
uint32_t rtnl_link_flags(const struct rtnl_link *);

/*
 * A neighbour as /proc/net/arp shows it: skipped (-1) when its only
 * state is NOARP; else its address, its link-layer address (zeros of an
 * Ethernet one while unresolved) and whether it is permanent.
 */
struct rtnl_arp_row {
	char		address[NLP_ADDRSTRLEN];
	char		mac[RTNL_LLADDR_TEXT];
	int		permanent;
};
int	rtnl_neigh_arp(const struct rtnl_neigh *, struct rtnl_arp_row *);

/* "aa:bb:..." in lower case, every byte of the address. */
void	rtnl_lladdr_text(const uint8_t *addr, size_t len, char *out,
	    size_t outlen);

#endif

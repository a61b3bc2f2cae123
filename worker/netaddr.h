/*
 * IP addresses and CIDR blocks as text, for the SQL functions inet_aton,
 * in_cidr_block and community_id_v1 (worker/sqlfn_net.c).  Pure: text
 * in, bytes out, the C library's inet_pton() doing the reading.
 */
#ifndef HOSTQL_WORKER_NETADDR_H
#define HOSTQL_WORKER_NETADDR_H

#include <stddef.h>
#include <stdint.h>

#define NETADDR_V4	4
#define NETADDR_V6	6

struct netaddr {
	int		family;		/* NETADDR_V4 or NETADDR_V6 */
	uint8_t		bytes[16];	/* network order; v4 in 4 */
};

struct netblock {
	struct netaddr	addr;		/* host bits as written */
	unsigned int	prefix;		/* 0..32 or 0..128 */
};

/* A dotted-quad IPv4 address (inet_pton's strict form); 0 or -1. */
int	netaddr_parse_v4(const char *, size_t, struct netaddr *);
/* An IPv6 address, with an optional %scope that is ignored; 0 or -1. */
int	netaddr_parse_v6(const char *, size_t, struct netaddr *);
/* Either, IPv6 tried first; 0 or -1. */
int	netaddr_parse(const char *, size_t, struct netaddr *);

/* The IPv4 address as a number (1.0.1.5 -> 16777477). */
uint32_t	netaddr_v4_value(const struct netaddr *);

/* Order of addresses: every IPv4 before every IPv6, then the bytes. */
int	netaddr_cmp(const struct netaddr *, const struct netaddr *);

/* "address/prefix" of the given family: digits only after the first
 * '/', at most 32 or 128; 0 or -1. */
int	netblock_parse(const char *, size_t, int family, struct netblock *);

/*
 * Is the address in the block, in osquery's meaning (boost's hosts() of
 * the network)?  An IPv4 block holds its host addresses: a /32 its one
 * address, a shorter prefix every address but the network's and the
 * broadcast's (so a /31 holds none).  An IPv6 block holds every address
 * under its prefix (boost's range wraps past the last address of a
 * block such as ::/0 and holds nothing there; that is not kept).  An
 * address of the other family is not in it.
 */
int	netblock_holds(const struct netblock *, const struct netaddr *);

#endif

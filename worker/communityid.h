/*
 * Community ID v1 flow hashing (github.com/corelight/community-id-spec):
 * the bytes the SHA-1 is taken of.  Pure; worker/sqlfn_net.c hashes
 * them and renders "1:" and the base64 of the digest.
 */
#ifndef HOSTQL_WORKER_COMMUNITYID_H
#define HOSTQL_WORKER_COMMUNITYID_H

#include <stddef.h>
#include <stdint.h>

#include "netaddr.h"

/* seed(2) saddr(16) daddr(16) proto(1) pad(1) sport(2) dport(2) */
#define COMMUNITYID_INPUT_MAX	40

struct flow {
	struct netaddr	saddr, daddr;
	uint16_t	seed;
	uint8_t		proto;
	int		has_ports;
	uint16_t	sport, dport;	/* ICMP: type and code */
};

/* Does the protocol need ports (TCP, UDP, SCTP, ICMP, ICMPv6)? */
int	communityid_port_proto(unsigned int proto);

/*
 * The hash input of the flow into out; returns its length.  ICMP and
 * ICMPv6 types and codes become port equivalents as Zeek maps them (a
 * request and its reply pair up; other messages are one-way and keep
 * their direction), then the smaller endpoint goes first (an IPv4
 * address before an IPv6 one, as osquery orders a mixed pair).
 */
size_t	communityid_input(const struct flow *,
	    uint8_t out[COMMUNITYID_INPUT_MAX]);

#endif

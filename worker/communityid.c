/*
 * Community ID v1: seed, the two endpoints smaller first, the protocol,
 * a zero byte and the ports, all in network order.
 */
#include <string.h>

#include "communityid.h"

/* ICMP messages that have a reply, and that reply: Zeek's pairing. */
static const uint8_t icmp4_pairs[][2] = {
	{ 8, 0 },	/* echo */
	{ 13, 14 },	/* timestamp */
	{ 15, 16 },	/* information */
	{ 10, 9 },	/* router solicitation, advertisement */
	{ 17, 18 },	/* address mask */
};

static const uint8_t icmp6_pairs[][2] = {
	{ 128, 129 },	/* echo */
	{ 130, 131 },	/* multicast listener query, report */
	{ 133, 134 },	/* router solicitation, advertisement */
	{ 135, 136 },	/* neighbour solicitation, advertisement */
	{ 139, 140 },	/* who-are-you request, reply */
	{ 144, 145 },	/* home agent address discovery */
};

#define PROTO_ICMP	1
#define PROTO_TCP	6
#define PROTO_UDP	17
#define PROTO_ICMP6	58
#define PROTO_SCTP	132

int
communityid_port_proto(unsigned int proto)
{
	return proto == PROTO_ICMP || proto == PROTO_TCP ||
	    proto == PROTO_UDP || proto == PROTO_ICMP6 || proto == PROTO_SCTP;
}

/* The counterpart of an ICMP type, or -1 when it is one-way. */
static int
icmp_counterpart(const uint8_t (*pairs)[2], size_t n, unsigned int type)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (type == pairs[i][0])
			return pairs[i][1];
		if (type == pairs[i][1])
			return pairs[i][0];
	}
	return -1;
}

/* Type and code to port equivalents; 1 when the message is one-way. */
static int
icmp_ports(const struct flow *f, uint16_t *sport, uint16_t *dport)
{
	int peer;

	*sport = f->sport;
	*dport = f->dport;
	if (f->proto == PROTO_ICMP)
		peer = icmp_counterpart(icmp4_pairs,
		    sizeof(icmp4_pairs) / sizeof(icmp4_pairs[0]), f->sport);
	else if (f->proto == PROTO_ICMP6)
		peer = icmp_counterpart(icmp6_pairs,
		    sizeof(icmp6_pairs) / sizeof(icmp6_pairs[0]), f->sport);
	else
		return 0;
	if (peer == -1)
		return 1;
	*dport = (uint16_t)peer;
	return 0;
}

static size_t
put_addr(uint8_t *out, const struct netaddr *a)
{
	size_t n = a->family == NETADDR_V4 ? 4 : 16;

	memcpy(out, a->bytes, n);
	return n;
}

static size_t
put_u16(uint8_t *out, uint16_t v)
{
	out[0] = (uint8_t)(v >> 8);
	out[1] = (uint8_t)v;
	return 2;
}

size_t
communityid_input(const struct flow *f, uint8_t out[COMMUNITYID_INPUT_MAX])
{
	const struct netaddr *lo = &f->saddr, *hi = &f->daddr;
	uint16_t sport = 0, dport = 0, tmp;
	int one_way = 0, c;
	size_t n = 0;

	if (f->has_ports)
		one_way = icmp_ports(f, &sport, &dport);
	c = netaddr_cmp(lo, hi);
	if (!one_way && !(c < 0 || (c == 0 && sport < dport))) {
		lo = &f->daddr;
		hi = &f->saddr;
		tmp = sport;
		sport = dport;
		dport = tmp;
	}
	n += put_u16(out + n, f->seed);
	n += put_addr(out + n, lo);
	n += put_addr(out + n, hi);
	out[n++] = f->proto;
	out[n++] = 0;
	if (f->has_ports) {
		n += put_u16(out + n, sport);
		n += put_u16(out + n, dport);
	}
	return n;
}

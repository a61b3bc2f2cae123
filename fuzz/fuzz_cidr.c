/*
 * IP addresses, CIDR blocks and the Community ID input (worker/netaddr.h,
 * worker/communityid.h) on text cut from the input at its NUL bytes: an
 * address, then a block of either family that may also be an address;
 * the first bytes also make the flow's protocol, seed and ports.  What parses must agree with
 * itself: a v6 block holds its own address and a /0 holds every v6
 * address, a v4 /32 holds its address, holding is the byte-wise prefix
 * test for v6; and a flow hashes the same read either way round unless
 * it is one-way ICMP.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../worker/communityid.h"
#include "../worker/netaddr.h"
#include "fuzz.h"

/* The text up to the next NUL from *off, in a buffer of its own size
 * for ASan to bound. */
static char *
piece(const uint8_t *data, size_t size, size_t *off, size_t *len)
{
	const uint8_t *end = memchr(data + *off, '\0', size - *off);
	char *p;

	*len = end != NULL ? (size_t)(end - (data + *off)) : size - *off;
	if ((p = malloc(*len > 0 ? *len : 1)) == NULL)
		abort();
	memcpy(p, data + *off, *len);
	*off += *len + (end != NULL);
	return p;
}

/* The v6 rule spelled out bit by bit. */
static int
holds_v6_bits(const struct netblock *b, const struct netaddr *a)
{
	unsigned int i, byte, bit;

	for (i = 0; i < b->prefix; i++) {
		byte = i / 8;
		bit = 0x80u >> (i % 8);
		if ((a->bytes[byte] & bit) != (b->addr.bytes[byte] & bit))
			return 0;
	}
	return 1;
}

static void
check_block(const char *s, size_t len, const struct netaddr *a)
{
	struct netblock b;
	struct netaddr self;

	if (netblock_parse(s, len, NETADDR_V6, &b) == 0) {
		CHECK(b.prefix <= 128 && b.addr.family == NETADDR_V6);
		CHECK(netblock_holds(&b, &b.addr) == 1);
		if (a->family == NETADDR_V6)
			CHECK(netblock_holds(&b, a) == holds_v6_bits(&b, a));
		if (b.prefix == 0 && a->family == NETADDR_V6)
			CHECK(netblock_holds(&b, a) == 1);
		if (a->family == NETADDR_V4)
			CHECK(netblock_holds(&b, a) == 0);
	}
	if (netblock_parse(s, len, NETADDR_V4, &b) == 0) {
		CHECK(b.prefix <= 32 && b.addr.family == NETADDR_V4);
		self = b.addr;
		if (b.prefix == 32)
			CHECK(netblock_holds(&b, &self) == 1);
		if (b.prefix >= 31)
			CHECK(netblock_holds(&b, a) == (b.prefix == 32 &&
			    a->family == NETADDR_V4 &&
			    netaddr_cmp(a, &self) == 0));
		if (a->family == NETADDR_V6)
			CHECK(netblock_holds(&b, a) == 0);
	}
}

static int
icmp_one_way(unsigned int proto, unsigned int type)
{
	static const uint8_t two_way4[] = { 0, 8, 9, 10, 13, 14, 15, 16,
	    17, 18 };
	static const uint8_t two_way6[] = { 128, 129, 130, 131, 133, 134,
	    135, 136, 139, 140, 144, 145 };
	const uint8_t *t;
	size_t n, i;

	if (proto == 1) {
		t = two_way4;
		n = sizeof(two_way4);
	} else if (proto == 58) {
		t = two_way6;
		n = sizeof(two_way6);
	} else
		return 0;
	for (i = 0; i < n; i++)
		if (type == t[i])
			return 0;
	return 1;
}

static void
check_flow(const struct netaddr *a, const struct netaddr *b,
    const uint8_t *data, size_t size)
{
	uint8_t x[COMMUNITYID_INPUT_MAX], y[COMMUNITYID_INPUT_MAX];
	struct flow f, g;
	size_t nx, ny;

	if (size < 7)
		return;
	memset(&f, 0, sizeof(f));
	f.saddr = *a;
	f.daddr = *b;
	f.proto = data[0];
	f.seed = (uint16_t)(data[1] << 8 | data[2]);
	f.sport = (uint16_t)(data[3] << 8 | data[4]);
	f.dport = (uint16_t)(data[5] << 8 | data[6]);
	f.has_ports = data[0] & 1 ? 1 : communityid_port_proto(f.proto);
	nx = communityid_input(&f, x);
	CHECK(nx >= 12 && nx <= COMMUNITYID_INPUT_MAX);
	if (icmp_one_way(f.proto, f.sport) || icmp_one_way(f.proto, f.dport))
		return;
	/* A reply maps to its request's ports only for the paired types;
	 * compare with the other way round of the same mapped flow. */
	if (f.proto == 1 || f.proto == 58)
		return;
	g = f;
	g.saddr = f.daddr;
	g.daddr = f.saddr;
	g.sport = f.dport;
	g.dport = f.sport;
	ny = communityid_input(&g, y);
	CHECK(nx == ny && memcmp(x, y, nx) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct netaddr a, b;
	size_t off = 0, alen, blen;
	char *s, *t;

	/* An address, then a block that may be an address too. */
	s = piece(data, size, &off, &alen);
	t = piece(data, size, &off, &blen);
	if (netaddr_parse(s, alen, &a) == 0) {
		CHECK(a.family == NETADDR_V4 || a.family == NETADDR_V6);
		check_block(t, blen, &a);
		if (netaddr_parse(t, blen, &b) == 0)
			check_flow(&a, &b, data, size);
		check_flow(&a, &a, data, size);
	}
	free(s);
	free(t);
	return 0;
}

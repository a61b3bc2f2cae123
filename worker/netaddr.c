/*
 * IP addresses and CIDR blocks as text.
 *
 * The forms accepted are boost::asio's make_address() and
 * make_network_v4/v6(), which osquery reads them with: inet_pton()'s
 * strict forms, an IPv6 %scope suffix allowed and ignored, the prefix
 * length in plain digits.
 */
#include <arpa/inet.h>

#include <string.h>

#include "netaddr.h"

/* Longer text than this is no address (the longest IPv6 form is 45). */
#define ADDR_TEXT_MAX	63

/* The span as a C string for inet_pton(); -1 when too long or when it
 * holds a NUL, which would cut it short. */
static int
to_cstring(const char *s, size_t len, char *buf, size_t size)
{
	if (len >= size || memchr(s, '\0', len) != NULL)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return 0;
}

int
netaddr_parse_v4(const char *s, size_t len, struct netaddr *a)
{
	char buf[ADDR_TEXT_MAX + 1];

	memset(a, 0, sizeof(*a));
	if (to_cstring(s, len, buf, sizeof(buf)) == -1 ||
	    inet_pton(AF_INET, buf, a->bytes) != 1)
		return -1;
	a->family = NETADDR_V4;
	return 0;
}

int
netaddr_parse_v6(const char *s, size_t len, struct netaddr *a)
{
	char buf[ADDR_TEXT_MAX + 1];
	const char *scope;

	memset(a, 0, sizeof(*a));
	if ((scope = memchr(s, '%', len)) != NULL)
		len = (size_t)(scope - s);
	if (to_cstring(s, len, buf, sizeof(buf)) == -1 ||
	    inet_pton(AF_INET6, buf, a->bytes) != 1)
		return -1;
	a->family = NETADDR_V6;
	return 0;
}

int
netaddr_parse(const char *s, size_t len, struct netaddr *a)
{
	if (netaddr_parse_v6(s, len, a) == 0)
		return 0;
	return netaddr_parse_v4(s, len, a);
}

uint32_t
netaddr_v4_value(const struct netaddr *a)
{
	return (uint32_t)a->bytes[0] << 24 | (uint32_t)a->bytes[1] << 16 |
	    (uint32_t)a->bytes[2] << 8 | a->bytes[3];
}

static size_t
addr_len(const struct netaddr *a)
{
	return a->family == NETADDR_V4 ? 4 : 16;
}

int
netaddr_cmp(const struct netaddr *a, const struct netaddr *b)
{
	int c;

	if (a->family != b->family)
		return a->family == NETADDR_V4 ? -1 : 1;
	c = memcmp(a->bytes, b->bytes, addr_len(a));
	return (c > 0) - (c < 0);
}

/* The digits of a prefix length, at most max; -1 when empty, not all
 * digits or too large. */
static int
prefix_parse(const char *s, size_t len, unsigned int max, unsigned int *out)
{
	unsigned int v = 0;
	size_t i;

	if (len == 0)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned int)(s[i] - '0');
		if (v > max)
			return -1;
	}
	*out = v;
	return 0;
}

int
netblock_parse(const char *s, size_t len, int family, struct netblock *b)
{
	const char *slash;
	size_t alen;
	int rc;

	memset(b, 0, sizeof(*b));
	if ((slash = memchr(s, '/', len)) == NULL)
		return -1;
	alen = (size_t)(slash - s);
	if (family == NETADDR_V4)
		rc = netaddr_parse_v4(s, alen, &b->addr);
	else if (family == NETADDR_V6)
		rc = netaddr_parse_v6(s, alen, &b->addr);
	else
		return -1;
	if (rc == -1)
		return -1;
	return prefix_parse(slash + 1, len - alen - 1,
	    family == NETADDR_V4 ? 32 : 128, &b->prefix);
}

static int
holds_v4(const struct netblock *b, const struct netaddr *a)
{
	uint32_t mask, net, bcast, ip;

	ip = netaddr_v4_value(a);
	if (b->prefix == 32)
		return ip == netaddr_v4_value(&b->addr);
	mask = b->prefix == 0 ? 0 : UINT32_MAX << (32 - b->prefix);
	net = netaddr_v4_value(&b->addr) & mask;
	bcast = net | ~mask;
	return ip > net && ip < bcast;
}

static int
holds_v6(const struct netblock *b, const struct netaddr *a)
{
	unsigned int whole = b->prefix / 8, bits = b->prefix % 8;
	uint8_t mask;

	if (memcmp(a->bytes, b->addr.bytes, whole) != 0)
		return 0;
	if (bits == 0)
		return 1;
	mask = (uint8_t)(0xff << (8 - bits));
	return (a->bytes[whole] & mask) == (b->addr.bytes[whole] & mask);
}

int
netblock_holds(const struct netblock *b, const struct netaddr *a)
{
	if (a->family != b->addr.family)
		return 0;
	return a->family == NETADDR_V4 ? holds_v4(b, a) : holds_v6(b, a);
}

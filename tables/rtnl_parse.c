/*
 * Link details and neighbours from rtnetlink dump replies; see
 * rtnl_parse.h.  nlp_walk() checks the messages; here each message's
 * fixed header and attributes are checked against the message's own
 * length, and copied out with memcpy as the buffer need not be aligned.
 */
#include <sys/socket.h>

#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

#include <errno.h>
#include <string.h>

#include "rtnl_parse.h"

static void
attr_bytes(const struct nlp_attr *a, uint8_t *out, size_t *outlen)
{
	*outlen = a->len < RTNL_LLADDR_MAX ? a->len : RTNL_LLADDR_MAX;
	memcpy(out, a->data, *outlen);
}

/* ---- links ---- */

struct link_walk {
	rtnl_link_fn	 fn;
	void		*arg;
};

/* The nine counters of either of the kernel's layouts, which share
 * their names. */
#define COUNTERS_FROM(c, s) do {					\
	(c)->rx_packets = (s).rx_packets;				\
	(c)->tx_packets = (s).tx_packets;				\
	(c)->rx_bytes = (s).rx_bytes;					\
	(c)->tx_bytes = (s).tx_bytes;					\
	(c)->rx_errors = (s).rx_errors;					\
	(c)->tx_errors = (s).tx_errors;					\
	(c)->rx_dropped = (s).rx_dropped;				\
	(c)->tx_dropped = (s).tx_dropped;				\
	(c)->collisions = (s).collisions;				\
} while (0)

/* The 64-bit counters, else the 32-bit ones of a kernel that sends no
 * 64-bit ones. */
static void
link_counters(struct rtnl_link *l, const struct nlp_attr *a)
{
	struct rtnl_link_stats64 s64;
	struct rtnl_link_stats s32;

	if (a->type == IFLA_STATS64 && a->len >= sizeof(s64)) {
		memcpy(&s64, a->data, sizeof(s64));
		COUNTERS_FROM(&l->counters, s64);
	} else if (a->type == IFLA_STATS && !l->has_counters &&
	    a->len >= sizeof(s32)) {
		memcpy(&s32, a->data, sizeof(s32));
		COUNTERS_FROM(&l->counters, s32);
	} else
		return;
	l->has_counters = 1;
}

static void
link_attr(struct rtnl_link *l, const struct nlp_attr *a)
{
	switch (a->type) {
	case IFLA_IFNAME:
		nlp_attr_string(a, l->name, sizeof(l->name));
		break;
	case IFLA_MTU:
		nlp_attr_u32(a, &l->mtu);
		break;
	case IFLA_ADDRESS:
		attr_bytes(a, l->addr, &l->addr_len);
		break;
	case IFLA_STATS64:
	case IFLA_STATS:
		link_counters(l, a);
		break;
	case IFLA_PROMISCUITY:
		l->has_promiscuity = nlp_attr_u32(a, &l->promiscuity);
		break;
	case IFLA_ALLMULTI:
		l->has_allmulti = nlp_attr_u32(a, &l->allmulti);
		break;
	}
}

static int
link_msg(void *arg, uint16_t type, const uint8_t *p, size_t len)
{
	struct link_walk *w = arg;
	struct ifinfomsg m;
	struct rtnl_link l;
	struct nlp_attr a;
	size_t off;
	int rc;

	if (type != RTM_NEWLINK)
		return 0;
	if (len < sizeof(m))
		return -EBADMSG;
	memcpy(&m, p, sizeof(m));
	memset(&l, 0, sizeof(l));
	l.index = m.ifi_index;
	l.type = m.ifi_type;
	l.flags = m.ifi_flags;
	off = NLP_ALIGN(sizeof(m));
	while ((rc = nlp_attr_next(p, len, &off, &a)) == 1)
		link_attr(&l, &a);
	if (rc < 0)
		return -EBADMSG;
	return w->fn(w->arg, &l);
}

int
rtnl_links(const void *buf, size_t len, rtnl_link_fn fn, void *arg)
{
	struct link_walk w = { fn, arg };

	return nlp_walk(buf, len, link_msg, &w);
}

uint32_t
rtnl_link_flags(const struct rtnl_link *l)
{
	uint32_t flags = l->flags;

	if (l->has_promiscuity)
		flags = l->promiscuity > 0 ? flags | IFF_PROMISC :
		    flags & ~(uint32_t)IFF_PROMISC;
	if (l->has_allmulti)
		flags = l->allmulti > 0 ? flags | IFF_ALLMULTI :
		    flags & ~(uint32_t)IFF_ALLMULTI;
	return flags;
}

/* ---- neighbours ---- */

struct neigh_walk {
	rtnl_neigh_fn	 fn;
	void		*arg;
};

static int
neigh_msg(void *arg, uint16_t type, const uint8_t *p, size_t len)
{
	struct neigh_walk *w = arg;
	struct rtnl_neigh n;
	struct ndmsg m;
	struct nlp_attr a;
	size_t off, alen;
	int rc, has_dst = 0;

	if (type != RTM_NEWNEIGH)
		return 0;
	if (len < sizeof(m))
		return -EBADMSG;
	memcpy(&m, p, sizeof(m));
	memset(&n, 0, sizeof(n));
	n.family = m.ndm_family;
	n.index = m.ndm_ifindex;
	n.state = m.ndm_state;
	n.flags = m.ndm_flags;
	alen = nlp_family_addr_len(n.family);
	off = NLP_ALIGN(sizeof(m));
	while ((rc = nlp_attr_next(p, len, &off, &a)) == 1) {
		if (a.type == NDA_DST && alen != 0 && a.len == alen) {
			memcpy(n.dst, a.data, alen);
			has_dst = 1;
		} else if (a.type == NDA_LLADDR)
			attr_bytes(&a, n.lladdr, &n.lladdr_len);
	}
	if (rc < 0)
		return -EBADMSG;
	if (!has_dst)
		return 0;
	return w->fn(w->arg, &n);
}

int
rtnl_neighs(const void *buf, size_t len, rtnl_neigh_fn fn, void *arg)
{
	struct neigh_walk w = { fn, arg };

	return nlp_walk(buf, len, neigh_msg, &w);
}

int
rtnl_neigh_arp(const struct rtnl_neigh *n, struct rtnl_arp_row *r)
{
	static const uint8_t unresolved[6];

	if ((n->state & ~NUD_NOARP) == 0)
		return -1;
	nlp_addr_text(n->family, n->dst, r->address, sizeof(r->address));
	if (n->lladdr_len > 0)
		rtnl_lladdr_text(n->lladdr, n->lladdr_len, r->mac,
		    sizeof(r->mac));
	else
		rtnl_lladdr_text(unresolved, sizeof(unresolved), r->mac,
		    sizeof(r->mac));
	r->permanent = (n->state & NUD_PERMANENT) != 0;
	return 0;
}

void
rtnl_lladdr_text(const uint8_t *addr, size_t len, char *out, size_t outlen)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, n = 0, need;

	if (outlen == 0)
		return;
	for (i = 0; i < len; i++) {
		need = i > 0 ? 3 : 2;
		if (outlen - n <= need)
			break;		/* no room for it and the NUL */
		if (i > 0)
			out[n++] = ':';
		out[n++] = hex[addr[i] >> 4];
		out[n++] = hex[addr[i] & 0xf];
	}
	out[n] = '\0';
}

/*
 * The rules that turn rtnetlink objects into rows.
 *
 * Addresses follow what getifaddrs() (and so osquery) makes of them: the
 * address is IFA_LOCAL when there is one, and the "other end" is
 * IFA_BROADCAST, else IFA_ADDRESS when IFA_LOCAL was sent; it is a
 * broadcast address on an interface with IFF_BROADCAST and a
 * point-to-point peer on any other (loopback included).
 */
#include <sys/socket.h>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

#include <stdio.h>
#include <string.h>

#include "net_rows.h"

static void
interface_text(const struct nlp_link *link, int32_t index, char *out,
    size_t outlen)
{
	if (link != NULL && link->name[0] != '\0')
		snprintf(out, outlen, "%s", link->name);
	else
		snprintf(out, outlen, "%d", (int)index);
}

/*
 * The kernel marks addresses configured by hand (and the ones it makes
 * itself) permanent; a DHCP client's IPv4 lease has a lifetime.  IPv6
 * addresses with a lifetime may come from DHCPv6 or from router
 * advertisements, which the kernel does not tell apart.
 */
static const char *
ifaddr_type(const struct nlp_addr *a)
{
	if (a->flags & IFA_F_PERMANENT)
		return "manual";
	if (a->family == AF_INET)
		return "dhcp";
	return "unknown";
}

void
ifaddr_row_make(const struct nlp_addr *a, const struct nlp_link *link,
    struct ifaddr_row *r)
{
	const uint8_t *dest = NULL;

	memset(r, 0, sizeof(*r));
	interface_text(link, a->index, r->interface, sizeof(r->interface));
	if (a->has_local)
		nlp_addr_text(a->family, a->local, r->address,
		    sizeof(r->address));
	else if (a->has_address)
		nlp_addr_text(a->family, a->address, r->address,
		    sizeof(r->address));
	nlp_mask_text(a->family, a->prefixlen, r->mask, sizeof(r->mask));
	if (a->has_broadcast)
		dest = a->broadcast;
	else if (a->has_local && a->has_address)
		dest = a->address;
	if (dest != NULL) {
		if (link != NULL && (link->flags & IFF_BROADCAST))
			nlp_addr_text(a->family, dest, r->broadcast,
			    sizeof(r->broadcast));
		else
			nlp_addr_text(a->family, dest, r->point_to_point,
			    sizeof(r->point_to_point));
	}
	r->type = ifaddr_type(a);
}

/* osquery's names: every unicast route is a "gateway" route. */
static const char *
route_type(unsigned int type)
{
	switch (type) {
	case RTN_UNICAST:
		return "gateway";
	case RTN_LOCAL:
		return "local";
	case RTN_BROADCAST:
		return "broadcast";
	case RTN_ANYCAST:
		return "anycast";
	}
	return "other";
}

void
route_row_make(const struct nlp_route *rt, const struct nlp_link *link,
    struct route_row *r)
{
	memset(r, 0, sizeof(*r));
	if (rt->has_dst)
		nlp_addr_text(rt->family, rt->dst, r->destination,
		    sizeof(r->destination));
	else
		snprintf(r->destination, sizeof(r->destination), "%s",
		    rt->family == AF_INET6 ? "::" : "0.0.0.0");
	r->netmask = rt->dst_len;
	if (rt->has_gateway)
		nlp_addr_text(rt->family, rt->gateway, r->gateway,
		    sizeof(r->gateway));
	if (rt->has_prefsrc)
		nlp_addr_text(rt->family, rt->prefsrc, r->source,
		    sizeof(r->source));
	r->flags = rt->flags;
	if (rt->oif != 0)
		interface_text(link, rt->oif, r->interface,
		    sizeof(r->interface));
	r->mtu = rt->mtu;
	r->metric = rt->priority;
	r->type = route_type(rt->type);
	r->hopcount = rt->hoplimit;
}

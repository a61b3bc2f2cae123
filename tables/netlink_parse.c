/*
 * Parsers of raw netlink dump replies (sock_diag and rtnetlink).
 *
 * The bytes come from the kernel through privd, but the worker treats
 * them like any other input: no length field is believed before it has
 * been checked against what is left of the buffer, every header is
 * copied out with memcpy (the buffer need not be aligned), and a message
 * or attribute that does not fit ends the walk with -EBADMSG instead of
 * being read past.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>

#include <errno.h>
#include <string.h>

#include "netlink_parse.h"

/* The type bits of an attribute, without the nested and byte-order
 * flags newer kernels may set. */
#define NLP_ATTR_TYPE(t)	((uint16_t)((t) & 0x3fff))

/* The largest errno a kernel error may carry (as the kernel's
 * MAX_ERRNO); anything else in an error field is malformed. */
#define NLP_MAX_ERRNO	4095

/*
 * The error a DONE or ERROR payload carries: 0, or a negative errno, or
 * -EBADMSG when the payload is too short or the value is not an errno.
 */
static int
payload_error(const uint8_t *payload, size_t len)
{
	int32_t err;

	if (len < sizeof(err))
		return -EBADMSG;
	memcpy(&err, payload, sizeof(err));
	if (err > 0 || err < -NLP_MAX_ERRNO)
		return -EBADMSG;
	return err;
}

int
nlp_walk(const void *buf, size_t len, nlp_msg_fn fn, void *arg)
{
	const uint8_t *p = buf;
	struct nlmsghdr h;
	size_t off = 0, step;
	int rc;

	if (buf == NULL && len > 0)
		return -EBADMSG;
	while (off < len) {
		if (len - off < sizeof(h))
			return -EBADMSG;
		memcpy(&h, p + off, sizeof(h));
		if (h.nlmsg_len < NLMSG_HDRLEN || h.nlmsg_len > len - off)
			return -EBADMSG;
		switch (h.nlmsg_type) {
		case NLMSG_NOOP:
			break;
		case NLMSG_OVERRUN:
			return -ENOBUFS;
		case NLMSG_DONE:
			/* A dump that failed half way says so here. */
			if (h.nlmsg_len - NLMSG_HDRLEN >= sizeof(int32_t)) {
				rc = payload_error(p + off + NLMSG_HDRLEN,
				    h.nlmsg_len - NLMSG_HDRLEN);
				if (rc < 0)
					return rc;
			}
			return NLP_DONE;
		case NLMSG_ERROR:
			rc = payload_error(p + off + NLMSG_HDRLEN,
			    h.nlmsg_len - NLMSG_HDRLEN);
			if (rc < 0)
				return rc;
			break;		/* an acknowledgement */
		default:
			rc = fn(arg, h.nlmsg_type, p + off + NLMSG_HDRLEN,
			    h.nlmsg_len - NLMSG_HDRLEN);
			if (rc != 0)
				return rc;
			break;
		}
		/* The last message of a buffer may lack its padding. */
		step = NLP_ALIGN(h.nlmsg_len);
		off += step < len - off ? step : len - off;
	}
	return NLP_MORE;
}

int
nlp_attr_next(const uint8_t *buf, size_t len, size_t *off,
    struct nlp_attr *a)
{
	struct rtattr rta;
	size_t step;

	if (*off >= len)
		return 0;
	if (len - *off < sizeof(rta))
		return -1;
	memcpy(&rta, buf + *off, sizeof(rta));
	if (rta.rta_len < sizeof(rta) || rta.rta_len > len - *off)
		return -1;
	a->type = NLP_ATTR_TYPE(rta.rta_type);
	a->data = buf + *off + sizeof(rta);
	a->len = rta.rta_len - sizeof(rta);
	step = NLP_ALIGN(rta.rta_len);
	*off += step < len - *off ? step : len - *off;
	return 1;
}

size_t
nlp_family_addr_len(int family)
{
	if (family == AF_INET)
		return 4;
	if (family == AF_INET6)
		return 16;
	return 0;
}

/* Copy an address attribute of exactly the family's size. */
static int
attr_addr(const struct nlp_attr *a, int family, uint8_t out[16])
{
	size_t n = nlp_family_addr_len(family);

	if (n == 0 || a->len != n)
		return 0;
	memset(out, 0, 16);
	memcpy(out, a->data, n);
	return 1;
}

int
nlp_attr_u32(const struct nlp_attr *a, uint32_t *v)
{
	if (a->len < sizeof(*v))
		return 0;
	memcpy(v, a->data, sizeof(*v));
	return 1;
}

void
nlp_attr_string(const struct nlp_attr *a, char *out, size_t outlen)
{
	size_t n = strnlen((const char *)a->data, a->len);

	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, a->data, n);
	out[n] = '\0';
}

/* ---- sock_diag ---- */

struct sock_walk {
	int		 protocol;
	nlp_sock_fn	 fn;
	void		*arg;
};

/*
 * A unix socket's name the way /proc/net/unix prints it: a path up to
 * its NUL, or an abstract name with '@' for the leading NUL and for every
 * NUL inside it.
 */
static void
unix_name_text(const uint8_t *name, size_t len, char *out, size_t outlen)
{
	size_t i, n = 0;

	out[0] = '\0';
	if (len == 0)
		return;
	if (name[0] != '\0') {
		for (i = 0; i < len && name[i] != '\0' && n + 1 < outlen; i++)
			out[n++] = (char)name[i];
	} else {
		for (i = 0; i < len && n + 1 < outlen; i++)
			out[n++] = name[i] == '\0' ? '@' : (char)name[i];
	}
	out[n] = '\0';
}

static int
sock_unix(struct sock_walk *w, const uint8_t *p, size_t len)
{
	struct unix_diag_msg m;
	struct nlp_sock s;
	struct nlp_attr a;
	size_t off;
	int rc;

	if (len < sizeof(m))
		return -EBADMSG;
	memcpy(&m, p, sizeof(m));
	memset(&s, 0, sizeof(s));
	s.family = AF_UNIX;
	s.type = m.udiag_type;
	s.state = m.udiag_state;
	s.inode = m.udiag_ino;
	off = NLP_ALIGN(sizeof(m));
	while ((rc = nlp_attr_next(p, len, &off, &a)) == 1) {
		if (a.type == UNIX_DIAG_NAME)
			unix_name_text(a.data, a.len, s.path, sizeof(s.path));
	}
	if (rc < 0)
		return -EBADMSG;
	return w->fn(w->arg, &s);
}

static int
sock_inet(struct sock_walk *w, const uint8_t *p, size_t len)
{
	struct inet_diag_msg m;
	struct nlp_sock s;
	struct nlp_attr a;
	size_t n, off;
	int rc;

	if (len < sizeof(m))
		return -EBADMSG;
	memcpy(&m, p, sizeof(m));
	n = nlp_family_addr_len(m.idiag_family);
	if (n == 0)
		return 0;	/* not ours to show */
	memset(&s, 0, sizeof(s));
	s.family = m.idiag_family;
	s.protocol = (uint8_t)w->protocol;
	s.state = m.idiag_state;
	s.inode = m.idiag_inode;
	s.uid = m.idiag_uid;
	s.local_port = ntohs(m.id.idiag_sport);
	s.remote_port = ntohs(m.id.idiag_dport);
	memcpy(s.local_addr, m.id.idiag_src, n);
	memcpy(s.remote_addr, m.id.idiag_dst, n);
	/* No attribute is needed, but a broken one still means the
	 * message cannot be trusted. */
	off = NLP_ALIGN(sizeof(m));
	while ((rc = nlp_attr_next(p, len, &off, &a)) == 1)
		;
	if (rc < 0)
		return -EBADMSG;
	return w->fn(w->arg, &s);
}

static int
sock_msg(void *arg, uint16_t type, const uint8_t *p, size_t len)
{
	struct sock_walk *w = arg;

	if (type != SOCK_DIAG_BY_FAMILY)
		return 0;
	if (len < 1)
		return -EBADMSG;
	if (p[0] == AF_UNIX)
		return sock_unix(w, p, len);
	return sock_inet(w, p, len);
}

int
nlp_sock_diag(const void *buf, size_t len, int protocol, nlp_sock_fn fn,
    void *arg)
{
	struct sock_walk w = { protocol, fn, arg };

	return nlp_walk(buf, len, sock_msg, &w);
}

/* ---- rtnetlink: links ---- */

struct link_walk {
	nlp_link_fn	 fn;
	void		*arg;
};

static int
link_msg(void *arg, uint16_t type, const uint8_t *p, size_t len)
{
	struct link_walk *w = arg;
	struct ifinfomsg m;
	struct nlp_link l;
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
	l.flags = m.ifi_flags;
	off = NLP_ALIGN(sizeof(m));
	while ((rc = nlp_attr_next(p, len, &off, &a)) == 1) {
		if (a.type == IFLA_IFNAME)
			nlp_attr_string(&a, l.name, sizeof(l.name));
		else if (a.type == IFLA_MTU)
			nlp_attr_u32(&a, &l.mtu);
	}
	if (rc < 0)
		return -EBADMSG;
	return w->fn(w->arg, &l);
}

int
nlp_links(const void *buf, size_t len, nlp_link_fn fn, void *arg)
{
	struct link_walk w = { fn, arg };

	return nlp_walk(buf, len, link_msg, &w);
}

/* ---- rtnetlink: addresses ---- */

struct addr_walk {
	nlp_addr_fn	 fn;
	void		*arg;
};

static void
addr_attr(struct nlp_addr *x, const struct nlp_attr *a)
{
	uint32_t flags;

	switch (a->type) {
	case IFA_ADDRESS:
		x->has_address = attr_addr(a, x->family, x->address);
		break;
	case IFA_LOCAL:
		x->has_local = attr_addr(a, x->family, x->local);
		break;
	case IFA_BROADCAST:
		x->has_broadcast = attr_addr(a, x->family, x->broadcast);
		break;
	case IFA_LABEL:
		nlp_attr_string(a, x->label, sizeof(x->label));
		break;
	case IFA_FLAGS:
		/* The 32-bit flags supersede the 8 bits of the header. */
		if (nlp_attr_u32(a, &flags))
			x->flags = flags;
		break;
	}
}

static int
addr_msg(void *arg, uint16_t type, const uint8_t *p, size_t len)
{
	struct addr_walk *w = arg;
	struct ifaddrmsg m;
	struct nlp_addr x;
	struct nlp_attr a;
	size_t off;
	int rc;

	if (type != RTM_NEWADDR)
		return 0;
	if (len < sizeof(m))
		return -EBADMSG;
	memcpy(&m, p, sizeof(m));
	memset(&x, 0, sizeof(x));
	x.family = m.ifa_family;
	x.prefixlen = m.ifa_prefixlen;
	x.scope = m.ifa_scope;
	x.flags = m.ifa_flags;
	x.index = (int32_t)m.ifa_index;
	off = NLP_ALIGN(sizeof(m));
	while ((rc = nlp_attr_next(p, len, &off, &a)) == 1)
		addr_attr(&x, &a);
	if (rc < 0)
		return -EBADMSG;
	if (nlp_family_addr_len(x.family) == 0)
		return 0;
	return w->fn(w->arg, &x);
}

int
nlp_addrs(const void *buf, size_t len, nlp_addr_fn fn, void *arg)
{
	struct addr_walk w = { fn, arg };

	return nlp_walk(buf, len, addr_msg, &w);
}

/* ---- rtnetlink: routes ---- */

struct route_walk {
	nlp_route_fn	 fn;
	void		*arg;
};

static int
route_metrics(struct nlp_route *r, const struct nlp_attr *m)
{
	struct nlp_attr a;
	size_t off = 0;
	int rc;

	while ((rc = nlp_attr_next(m->data, m->len, &off, &a)) == 1) {
		if (a.type == RTAX_MTU)
			nlp_attr_u32(&a, &r->mtu);
		else if (a.type == RTAX_HOPLIMIT)
			nlp_attr_u32(&a, &r->hoplimit);
	}
	return rc;
}

/*
 * A multipath route has no RTA_OIF or RTA_GATEWAY of its own; show its
 * first next hop, as a single row per route is what the table promises.
 */
static int
route_multipath(struct nlp_route *r, const struct nlp_attr *m)
{
	struct rtnexthop nh;
	struct nlp_attr a;
	size_t off;
	int rc;

	if (m->len < sizeof(nh))
		return m->len == 0 ? 0 : -1;
	memcpy(&nh, m->data, sizeof(nh));
	if (nh.rtnh_len < sizeof(nh) || nh.rtnh_len > m->len)
		return -1;
	if (r->oif == 0)
		r->oif = nh.rtnh_ifindex;
	off = NLP_ALIGN(sizeof(nh));
	while ((rc = nlp_attr_next(m->data, nh.rtnh_len, &off, &a)) == 1) {
		if (a.type == RTA_GATEWAY && !r->has_gateway)
			r->has_gateway = attr_addr(&a, r->family,
			    r->gateway);
	}
	return rc;
}

static int
route_attr(struct nlp_route *r, const struct nlp_attr *a)
{
	uint32_t v;

	switch (a->type) {
	case RTA_DST:
		r->has_dst = attr_addr(a, r->family, r->dst);
		break;
	case RTA_GATEWAY:
		r->has_gateway = attr_addr(a, r->family, r->gateway);
		break;
	case RTA_PREFSRC:
		r->has_prefsrc = attr_addr(a, r->family, r->prefsrc);
		break;
	case RTA_OIF:
		if (nlp_attr_u32(a, &v))
			r->oif = (int32_t)v;
		break;
	case RTA_PRIORITY:
		nlp_attr_u32(a, &r->priority);
		break;
	case RTA_TABLE:
		nlp_attr_u32(a, &r->table);
		break;
	case RTA_METRICS:
		return route_metrics(r, a);
	case RTA_MULTIPATH:
		return route_multipath(r, a);
	}
	return 0;
}

static int
route_msg(void *arg, uint16_t type, const uint8_t *p, size_t len)
{
	struct route_walk *w = arg;
	struct nlp_route r;
	struct rtmsg m;
	struct nlp_attr a;
	size_t off;
	int rc;

	if (type != RTM_NEWROUTE)
		return 0;
	if (len < sizeof(m))
		return -EBADMSG;
	memcpy(&m, p, sizeof(m));
	memset(&r, 0, sizeof(r));
	r.family = m.rtm_family;
	r.dst_len = m.rtm_dst_len;
	r.type = m.rtm_type;
	r.protocol = m.rtm_protocol;
	r.scope = m.rtm_scope;
	r.flags = m.rtm_flags;
	r.table = m.rtm_table;
	off = NLP_ALIGN(sizeof(m));
	while ((rc = nlp_attr_next(p, len, &off, &a)) == 1)
		if (route_attr(&r, &a) < 0)
			return -EBADMSG;
	if (rc < 0)
		return -EBADMSG;
	if (nlp_family_addr_len(r.family) == 0)
		return 0;
	return w->fn(w->arg, &r);
}

int
nlp_routes(const void *buf, size_t len, nlp_route_fn fn, void *arg)
{
	struct route_walk w = { fn, arg };

	return nlp_walk(buf, len, route_msg, &w);
}

/* ---- text ---- */

void
nlp_addr_text(int family, const uint8_t *addr, char *out, size_t outlen)
{
	if (outlen == 0)
		return;
	out[0] = '\0';
	if (nlp_family_addr_len(family) == 0 ||
	    inet_ntop(family, addr, out, (socklen_t)outlen) == NULL)
		out[0] = '\0';
}

void
nlp_mask_text(int family, unsigned int prefixlen, char *out, size_t outlen)
{
	uint8_t mask[16];
	size_t n = nlp_family_addr_len(family), i;

	memset(mask, 0, sizeof(mask));
	if (prefixlen > n * 8)
		prefixlen = (unsigned int)(n * 8);
	for (i = 0; i < prefixlen / 8; i++)
		mask[i] = 0xff;
	if (prefixlen % 8)
		mask[i] = (uint8_t)(0xff << (8 - prefixlen % 8));
	nlp_addr_text(family, mask, out, outlen);
}

const char *
nlp_tcp_state_name(unsigned int state)
{
	static const char *const names[] = {
		"UNKNOWN", "ESTABLISHED", "SYN_SENT", "SYN_RECV",
		"FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSED",
		"CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING",
		/* TCP_NEW_SYN_RECV: a request socket, which /proc/net/tcp
		 * (and so osquery) shows as SYN_RECV. */
		"SYN_RECV",
	};

	if (state >= sizeof(names) / sizeof(names[0]))
		return "UNKNOWN";
	return names[state];
}

/*
 * The netlink parsers on dumps captured from a real host (see
 * tests/tools/nlcapture.c for how and with which listeners), and on
 * broken input: truncation, lying lengths, zero lengths, bad errors.
 */
#include <sys/socket.h>

#include <linux/if_addr.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tables/link_names.h"
#include "../../tables/net_rows.h"
#include "../../tables/netlink_parse.h"
#include "../../tables/sock_owners.h"
#include "../../tables/socket_scan.h"
#include "fixture.h"

Suite	*suite_netlink(void);


static unsigned char *
fixture(const char *name, size_t *len)
{
	char file[128];

	snprintf(file, sizeof(file), "%s.bin", name);
	return (unsigned char *)fixture_load("netlink", file, len);
}

/* ---- sockets ---- */

#define MAXSOCKS	256

struct socks {
	struct nlp_sock	v[MAXSOCKS];
	size_t		n;
};

static int
collect_sock(void *arg, const struct nlp_sock *s)
{
	struct socks *ss = arg;

	if (ss->n < MAXSOCKS)
		ss->v[ss->n++] = *s;
	return 0;
}

static void
load_socks(const char *name, int protocol, struct socks *ss)
{
	unsigned char *buf;
	size_t len;

	memset(ss, 0, sizeof(*ss));
	buf = fixture(name, &len);
	ck_assert_int_eq(nlp_sock_diag(buf, len, protocol, collect_sock, ss),
	    NLP_DONE);
	free(buf);
}

static const struct nlp_sock *
find_inet(const struct socks *ss, const char *addr, unsigned int port,
    unsigned int state)
{
	char text[NLP_ADDRSTRLEN];
	size_t i;

	for (i = 0; i < ss->n; i++) {
		nlp_addr_text(ss->v[i].family, ss->v[i].local_addr, text,
		    sizeof(text));
		if (strcmp(text, addr) == 0 && ss->v[i].local_port == port &&
		    ss->v[i].state == state)
			return &ss->v[i];
	}
	return NULL;
}

START_TEST(tcp4_listener_found)
{
	struct socks ss;
	const struct nlp_sock *s;
	size_t i, estab = 0;

	load_socks("inet_diag-tcp4", IPPROTO_TCP, &ss);
	s = find_inet(&ss, "127.0.0.1", 18080, TCP_LISTEN);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(s->family, AF_INET);
	ck_assert_int_eq(s->protocol, IPPROTO_TCP);
	ck_assert_int_eq(s->remote_port, 0);
	ck_assert_uint_ne(s->inode, 0);
	ck_assert_str_eq(nlp_tcp_state_name(s->state), "LISTEN");
	ck_assert(socket_is_listening(s));
	/* The connection made to it, seen from both ends. */
	for (i = 0; i < ss.n; i++)
		if (ss.v[i].state == TCP_ESTABLISHED &&
		    (ss.v[i].local_port == 18080 ||
		    ss.v[i].remote_port == 18080)) {
			ck_assert(!socket_is_listening(&ss.v[i]));
			estab++;
		}
	ck_assert_uint_eq(estab, 2);
}
END_TEST

START_TEST(tcp6_listener_found)
{
	struct socks ss;
	const struct nlp_sock *s;

	load_socks("inet_diag-tcp6", IPPROTO_TCP, &ss);
	s = find_inet(&ss, "::1", 18081, TCP_LISTEN);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(s->family, AF_INET6);
	ck_assert(socket_is_listening(s));
}
END_TEST

START_TEST(udp_bound_found)
{
	struct socks ss;
	const struct nlp_sock *s;

	load_socks("inet_diag-udp4", IPPROTO_UDP, &ss);
	s = find_inet(&ss, "127.0.0.1", 18082, TCP_CLOSE);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(s->protocol, IPPROTO_UDP);
	ck_assert(socket_is_listening(s));
	load_socks("inet_diag-udp6", IPPROTO_UDP, &ss);
	s = find_inet(&ss, "::1", 18083, TCP_CLOSE);
	ck_assert_ptr_nonnull(s);
	ck_assert(socket_is_listening(s));
}
END_TEST

START_TEST(unix_listeners_found)
{
	struct socks ss;
	size_t i;
	int path = 0, abstract = 0;

	load_socks("unix_diag-unix", 0, &ss);
	for (i = 0; i < ss.n; i++) {
		ck_assert_int_eq(ss.v[i].family, AF_UNIX);
		if (strcmp(ss.v[i].path, "/tmp/hostql-fixture.sock") == 0) {
			ck_assert_int_eq(ss.v[i].state, TCP_LISTEN);
			ck_assert_int_eq(ss.v[i].type, SOCK_STREAM);
			ck_assert(socket_is_listening(&ss.v[i]));
			path++;
		}
		if (strcmp(ss.v[i].path, "@hostql-abstract") == 0)
			abstract++;
	}
	ck_assert_int_eq(path, 1);
	ck_assert_int_eq(abstract, 1);
}
END_TEST

START_TEST(listening_rules)
{
	struct nlp_sock s;

	memset(&s, 0, sizeof(s));
	s.family = AF_INET;
	s.protocol = IPPROTO_UDP;
	s.state = TCP_CLOSE;
	ck_assert(!socket_is_listening(&s));	/* unbound */
	s.local_port = 53;
	ck_assert(socket_is_listening(&s));
	s.remote_port = 53;
	ck_assert(!socket_is_listening(&s));	/* connected */
	s.protocol = IPPROTO_TCP;
	s.remote_port = 0;
	ck_assert(!socket_is_listening(&s));	/* bound, not listening */
	memset(&s, 0, sizeof(s));
	s.family = AF_UNIX;
	s.type = SOCK_DGRAM;
	s.state = TCP_CLOSE;
	ck_assert(!socket_is_listening(&s));	/* unnamed */
	strcpy(s.path, "/run/log");
	ck_assert(socket_is_listening(&s));
	s.state = TCP_ESTABLISHED;
	ck_assert(!socket_is_listening(&s));
}
END_TEST

/* ---- links, addresses, routes ---- */

static void
load_links(struct link_names *ln)
{
	unsigned char *buf;
	size_t len;

	memset(ln, 0, sizeof(*ln));
	buf = fixture("links-unspec", &len);
	ck_assert_int_eq(link_names_parse(ln, buf, len), NLP_DONE);
	free(buf);
}

START_TEST(links_have_loopback)
{
	struct link_names ln;
	const struct nlp_link *lo = NULL;
	size_t i;

	load_links(&ln);
	ck_assert_uint_ge(ln.n, 2);
	for (i = 0; i < ln.n; i++)
		if (strcmp(ln.v[i].name, "lo") == 0)
			lo = &ln.v[i];
	ck_assert_ptr_nonnull(lo);
	ck_assert(lo->flags & IFF_LOOPBACK);
	ck_assert(!(lo->flags & IFF_BROADCAST));
	ck_assert_ptr_eq(link_names_find(&ln, lo->index), lo);
	ck_assert_ptr_null(link_names_find(&ln, 99999));
	link_names_free(&ln);
}
END_TEST

#define MAXROWS	64

struct addr_rows {
	struct link_names	*ln;
	struct ifaddr_row	 v[MAXROWS];
	size_t			 n;
};

static int
collect_addr(void *arg, const struct nlp_addr *a)
{
	struct addr_rows *r = arg;

	if (r->n < MAXROWS)
		ifaddr_row_make(a, link_names_find(r->ln, a->index),
		    &r->v[r->n++]);
	return 0;
}

static const struct ifaddr_row *
find_addr(const struct addr_rows *r, const char *address)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].address, address) == 0)
			return &r->v[i];
	return NULL;
}

START_TEST(addresses_of_loopback)
{
	struct link_names ln;
	struct addr_rows *r;
	const struct ifaddr_row *a;
	unsigned char *buf;
	size_t len;

	load_links(&ln);
	r = calloc(1, sizeof(*r));
	ck_assert_ptr_nonnull(r);
	r->ln = &ln;
	buf = fixture("addrs-unspec", &len);
	ck_assert_int_eq(nlp_addrs(buf, len, collect_addr, r), NLP_DONE);
	free(buf);

	a = find_addr(r, "127.0.0.1");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->interface, "lo");
	ck_assert_str_eq(a->mask, "255.0.0.0");
	ck_assert_str_eq(a->broadcast, "");
	/* getifaddrs() and so osquery show loopback's own address as its
	 * point-to-point peer. */
	ck_assert_str_eq(a->point_to_point, "127.0.0.1");
	ck_assert_str_eq(a->type, "manual");

	a = find_addr(r, "::1");
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->mask, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	ck_assert_str_eq(a->point_to_point, "");

	a = find_addr(r, "192.0.2.2");
	if (a != NULL) {	/* the capture host's own address */
		ck_assert_str_eq(a->mask, "255.255.255.0");
		ck_assert_str_eq(a->broadcast, "192.0.2.255");
		ck_assert_str_eq(a->point_to_point, "");
	}
	a = find_addr(r, "fd00::2");
	if (a != NULL)
		ck_assert_str_eq(a->mask, "ffff:ffff:ffff:ffff::");
	free(r);
	link_names_free(&ln);
}
END_TEST

struct route_rows {
	struct link_names	*ln;
	struct route_row	 v[MAXROWS];
	uint32_t		 table[MAXROWS];
	size_t			 n;
};

static int
collect_route(void *arg, const struct nlp_route *rt)
{
	struct route_rows *r = arg;

	if (r->n < MAXROWS) {
		r->table[r->n] = rt->table;
		route_row_make(rt, link_names_find(r->ln, rt->oif),
		    &r->v[r->n++]);
	}
	return 0;
}

static void
load_routes(const char *name, struct link_names *ln, struct route_rows *r)
{
	unsigned char *buf;
	size_t len;

	r->ln = ln;
	r->n = 0;
	buf = fixture(name, &len);
	ck_assert_int_eq(nlp_routes(buf, len, collect_route, r), NLP_DONE);
	free(buf);
}

START_TEST(routes_v4)
{
	struct link_names ln;
	struct route_rows *r;
	size_t i;
	int loopnet = 0, deflt = 0;

	load_links(&ln);
	r = calloc(1, sizeof(*r));
	ck_assert_ptr_nonnull(r);
	load_routes("routes-inet", &ln, r);
	for (i = 0; i < r->n; i++) {
		if (strcmp(r->v[i].destination, "127.0.0.0") == 0 &&
		    r->v[i].netmask == 8) {
			ck_assert_uint_eq(r->table[i], RT_TABLE_LOCAL);
			ck_assert_str_eq(r->v[i].type, "local");
			ck_assert_str_eq(r->v[i].interface, "lo");
			ck_assert_str_eq(r->v[i].source, "127.0.0.1");
			ck_assert_str_eq(r->v[i].gateway, "");
			loopnet++;
		}
		if (strcmp(r->v[i].destination, "0.0.0.0") == 0 &&
		    r->v[i].netmask == 0 && r->table[i] == RT_TABLE_MAIN) {
			ck_assert_str_eq(r->v[i].gateway, "192.0.2.1");
			ck_assert_str_eq(r->v[i].type, "gateway");
			ck_assert_str_eq(r->v[i].interface, "eth0");
			deflt++;
		}
	}
	ck_assert_int_eq(loopnet, 1);
	ck_assert_int_eq(deflt, 1);
	free(r);
	link_names_free(&ln);
}
END_TEST

START_TEST(routes_v6)
{
	struct link_names ln;
	struct route_rows *r;
	size_t i;
	int lo = 0, deflt = 0;

	load_links(&ln);
	r = calloc(1, sizeof(*r));
	ck_assert_ptr_nonnull(r);
	load_routes("routes-inet6", &ln, r);
	for (i = 0; i < r->n; i++) {
		if (strcmp(r->v[i].destination, "::1") == 0) {
			ck_assert_int_eq(r->v[i].netmask, 128);
			ck_assert_str_eq(r->v[i].type, "local");
			lo++;
		}
		if (strcmp(r->v[i].destination, "::") == 0 &&
		    r->v[i].netmask == 0) {
			ck_assert_str_eq(r->v[i].gateway, "fd00::1");
			ck_assert_int_eq(r->v[i].metric, 1024);
			deflt++;
		}
	}
	ck_assert_int_eq(lo, 1);
	ck_assert_int_eq(deflt, 1);
	free(r);
	link_names_free(&ln);
}
END_TEST

/* ---- broken input ---- */

static int
count_any(void *arg, uint16_t type, const uint8_t *p, size_t len)
{
	(void)type;
	(void)p;
	(void)len;
	(*(size_t *)arg)++;
	return 0;
}

static int
ignore_sock(void *arg, const struct nlp_sock *s)
{
	(void)arg;
	(void)s;
	return 0;
}

static int
ignore_link(void *arg, const struct nlp_link *l)
{
	(void)arg;
	(void)l;
	return 0;
}

static int
ignore_addr(void *arg, const struct nlp_addr *a)
{
	(void)arg;
	(void)a;
	return 0;
}

static int
ignore_route(void *arg, const struct nlp_route *r)
{
	(void)arg;
	(void)r;
	return 0;
}

static const char *const all_fixtures[] = {
	"inet_diag-tcp4", "inet_diag-tcp6", "inet_diag-udp4",
	"inet_diag-udp6", "unix_diag-unix", "links-unspec", "addrs-unspec",
	"routes-inet", "routes-inet6",
};

/* Run every parser over buf: whatever it holds, each must return. */
static void
parse_all(const unsigned char *buf, size_t len)
{
	int rc;

	rc = nlp_sock_diag(buf, len, IPPROTO_TCP, ignore_sock, NULL);
	ck_assert(rc == NLP_MORE || rc == NLP_DONE || rc < 0);
	rc = nlp_links(buf, len, ignore_link, NULL);
	ck_assert(rc == NLP_MORE || rc == NLP_DONE || rc < 0);
	rc = nlp_addrs(buf, len, ignore_addr, NULL);
	ck_assert(rc == NLP_MORE || rc == NLP_DONE || rc < 0);
	rc = nlp_routes(buf, len, ignore_route, NULL);
	ck_assert(rc == NLP_MORE || rc == NLP_DONE || rc < 0);
}

START_TEST(every_truncation)
{
	unsigned char *buf, *copy;
	size_t len, cut;

	buf = fixture(all_fixtures[_i], &len);
	for (cut = 0; cut < len; cut++) {
		/* A copy of exactly cut bytes, so a sanitizer sees any
		 * read past them. */
		copy = malloc(cut ? cut : 1);
		ck_assert_ptr_nonnull(copy);
		memcpy(copy, buf, cut);
		parse_all(copy, cut);
		free(copy);
	}
	free(buf);
}
END_TEST

START_TEST(mutations_terminate)
{
	unsigned char *buf;
	size_t len, k;
	uint32_t x = 2463534242u;
	int round;

	buf = fixture(all_fixtures[_i], &len);
	for (round = 0; round < 3000; round++) {
		for (k = 0; k < 4; k++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			buf[x % len] = (unsigned char)(x >> 8);
		}
		parse_all(buf, len);
	}
	free(buf);
}
END_TEST

static void
put_hdr(unsigned char *p, uint32_t len, uint16_t type)
{
	struct nlmsghdr h;

	memset(&h, 0, sizeof(h));
	h.nlmsg_len = len;
	h.nlmsg_type = type;
	memcpy(p, &h, sizeof(h));
}

START_TEST(message_lengths)
{
	unsigned char buf[64];
	size_t n = 0;

	memset(buf, 0, sizeof(buf));
	/* Zero, too small, and too big a length: never loop, never read
	 * past the buffer. */
	put_hdr(buf, 0, RTM_NEWROUTE);
	ck_assert_int_eq(nlp_walk(buf, sizeof(buf), count_any, &n), -EBADMSG);
	put_hdr(buf, 8, RTM_NEWROUTE);
	ck_assert_int_eq(nlp_walk(buf, sizeof(buf), count_any, &n), -EBADMSG);
	put_hdr(buf, 65, RTM_NEWROUTE);
	ck_assert_int_eq(nlp_walk(buf, sizeof(buf), count_any, &n), -EBADMSG);
	put_hdr(buf, 0xffffffffu, RTM_NEWROUTE);
	ck_assert_int_eq(nlp_walk(buf, sizeof(buf), count_any, &n), -EBADMSG);
	ck_assert_uint_eq(n, 0);
	/* A bare header, then a short tail. */
	put_hdr(buf, 16, RTM_NEWROUTE);
	ck_assert_int_eq(nlp_walk(buf, 16, count_any, &n), NLP_MORE);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(nlp_walk(buf, 20, count_any, &n), -EBADMSG);
	ck_assert_int_eq(nlp_walk(NULL, 0, count_any, &n), NLP_MORE);
	ck_assert_int_eq(nlp_walk(NULL, 4, count_any, &n), -EBADMSG);
	/* A message the type wants bigger than it is. */
	ck_assert_int_eq(nlp_routes(buf, 16, ignore_route, NULL), -EBADMSG);
	put_hdr(buf, 16, SOCK_DIAG_BY_FAMILY);
	ck_assert_int_eq(nlp_sock_diag(buf, 16, 6, ignore_sock, NULL),
	    -EBADMSG);
	put_hdr(buf, 20, SOCK_DIAG_BY_FAMILY);
	buf[16] = AF_INET;
	ck_assert_int_eq(nlp_sock_diag(buf, 20, 6, ignore_sock, NULL),
	    -EBADMSG);
	buf[16] = AF_UNIX;
	ck_assert_int_eq(nlp_sock_diag(buf, 20, 0, ignore_sock, NULL),
	    -EBADMSG);
}
END_TEST

START_TEST(errors_and_done)
{
	unsigned char buf[64];
	int32_t err;
	size_t n = 0;

	memset(buf, 0, sizeof(buf));
	put_hdr(buf, 20, NLMSG_ERROR);
	err = -EPERM;
	memcpy(buf + 16, &err, 4);
	ck_assert_int_eq(nlp_walk(buf, 20, count_any, &n), -EPERM);
	err = 0;		/* an ack: go on */
	memcpy(buf + 16, &err, 4);
	put_hdr(buf + 20, 16, NLMSG_DONE);
	ck_assert_int_eq(nlp_walk(buf, 36, count_any, &n), NLP_DONE);
	err = 5;		/* not an errno */
	memcpy(buf + 16, &err, 4);
	ck_assert_int_eq(nlp_walk(buf, 20, count_any, &n), -EBADMSG);
	put_hdr(buf, 16, NLMSG_ERROR);	/* no room for the error */
	ck_assert_int_eq(nlp_walk(buf, 16, count_any, &n), -EBADMSG);
	put_hdr(buf, 20, NLMSG_DONE);	/* a dump that failed */
	err = -EINTR;
	memcpy(buf + 16, &err, 4);
	ck_assert_int_eq(nlp_walk(buf, 20, count_any, &n), -EINTR);
	put_hdr(buf, 16, NLMSG_OVERRUN);
	ck_assert_int_eq(nlp_walk(buf, 16, count_any, &n), -ENOBUFS);
	ck_assert_uint_eq(n, 0);
}
END_TEST

/* An RTM_NEWROUTE for AF_INET with one attribute of the given length. */
static size_t
route_with_attr(unsigned char *buf, uint16_t rta_len, uint16_t rta_type,
    size_t room)
{
	struct rtmsg rtm;
	struct rtattr rta;
	size_t len = NLMSG_HDRLEN + sizeof(rtm) + room;

	memset(buf, 0, len);
	put_hdr(buf, (uint32_t)len, RTM_NEWROUTE);
	memset(&rtm, 0, sizeof(rtm));
	rtm.rtm_family = AF_INET;
	rtm.rtm_type = RTN_UNICAST;
	memcpy(buf + NLMSG_HDRLEN, &rtm, sizeof(rtm));
	rta.rta_len = rta_len;
	rta.rta_type = rta_type;
	if (room >= sizeof(rta))
		memcpy(buf + NLMSG_HDRLEN + sizeof(rtm), &rta, sizeof(rta));
	return len;
}

START_TEST(attribute_lengths)
{
	unsigned char buf[128];
	size_t len;
	int calls = 0;

	len = route_with_attr(buf, 8, RTA_OIF, 8);
	ck_assert_int_eq(nlp_routes(buf, len, ignore_route, &calls), NLP_MORE);
	len = route_with_attr(buf, 0, RTA_OIF, 8);	/* zero */
	ck_assert_int_eq(nlp_routes(buf, len, ignore_route, NULL), -EBADMSG);
	len = route_with_attr(buf, 2, RTA_OIF, 8);	/* below a header */
	ck_assert_int_eq(nlp_routes(buf, len, ignore_route, NULL), -EBADMSG);
	len = route_with_attr(buf, 12, RTA_OIF, 8);	/* past the end */
	ck_assert_int_eq(nlp_routes(buf, len, ignore_route, NULL), -EBADMSG);
	len = route_with_attr(buf, 0xffff, RTA_DST, 8);
	ck_assert_int_eq(nlp_routes(buf, len, ignore_route, NULL), -EBADMSG);
	len = route_with_attr(buf, 4, RTA_DST, 2);	/* a stub */
	ck_assert_int_eq(nlp_routes(buf, len, ignore_route, NULL), -EBADMSG);
	/* A nested list that lies about its inside. */
	len = route_with_attr(buf, 16, RTA_METRICS, 16);
	buf[NLMSG_HDRLEN + sizeof(struct rtmsg) + 4] = 200;
	ck_assert_int_eq(nlp_routes(buf, len, ignore_route, NULL), -EBADMSG);
	len = route_with_attr(buf, 16, RTA_MULTIPATH, 16);
	buf[NLMSG_HDRLEN + sizeof(struct rtmsg) + 4] = 200;
	ck_assert_int_eq(nlp_routes(buf, len, ignore_route, NULL), -EBADMSG);
}
END_TEST

struct one_route {
	struct nlp_route	r;
	int			n;
};

static int
keep_route(void *arg, const struct nlp_route *r)
{
	struct one_route *o = arg;

	o->r = *r;
	o->n++;
	return 0;
}

START_TEST(address_sizes_checked)
{
	unsigned char buf[128];
	struct one_route o;
	size_t len;

	/* An IPv4 destination of 16 bytes is not taken. */
	len = route_with_attr(buf, 20, RTA_DST, 20);
	memset(&o, 0, sizeof(o));
	ck_assert_int_eq(nlp_routes(buf, len, keep_route, &o), NLP_MORE);
	ck_assert_int_eq(o.n, 1);
	ck_assert(!o.r.has_dst);
	len = route_with_attr(buf, 8, RTA_GATEWAY, 8);
	buf[NLMSG_HDRLEN + sizeof(struct rtmsg) + 4] = 10;
	memset(&o, 0, sizeof(o));
	ck_assert_int_eq(nlp_routes(buf, len, keep_route, &o), NLP_MORE);
	ck_assert(o.r.has_gateway);
	ck_assert_int_eq(o.r.gateway[0], 10);
}
END_TEST

static int
stop_second(void *arg, const struct nlp_route *r)
{
	int *calls = arg;

	(void)r;
	return ++*calls == 2 ? -ECANCELED : 0;
}

START_TEST(callback_stops_walk)
{
	unsigned char *buf;
	size_t len;
	int calls = 0;

	buf = fixture("routes-inet", &len);
	ck_assert_int_eq(nlp_routes(buf, len, stop_second, &calls),
	    -ECANCELED);
	ck_assert_int_eq(calls, 2);
	free(buf);
}
END_TEST

START_TEST(unix_names)
{
	unsigned char buf[256];
	struct unix_diag_msg m;
	struct rtattr rta;
	struct socks ss;
	size_t len;
	const char name[] = "\0a\0b";

	memset(buf, 0, sizeof(buf));
	memset(&m, 0, sizeof(m));
	m.udiag_family = AF_UNIX;
	m.udiag_type = SOCK_DGRAM;
	m.udiag_ino = 77;
	len = NLMSG_HDRLEN + sizeof(m) + 8;
	put_hdr(buf, (uint32_t)len, SOCK_DIAG_BY_FAMILY);
	memcpy(buf + NLMSG_HDRLEN, &m, sizeof(m));
	rta.rta_len = 4 + 4;
	rta.rta_type = UNIX_DIAG_NAME;
	memcpy(buf + NLMSG_HDRLEN + sizeof(m), &rta, sizeof(rta));
	memcpy(buf + NLMSG_HDRLEN + sizeof(m) + 4, name, 4);
	memset(&ss, 0, sizeof(ss));
	ck_assert_int_eq(nlp_sock_diag(buf, len, 0, collect_sock, &ss),
	    NLP_MORE);
	ck_assert_uint_eq(ss.n, 1);
	ck_assert_str_eq(ss.v[0].path, "@a@b");
	ck_assert_uint_eq(ss.v[0].inode, 77);

	/* A name longer than sun_path is cut, not overflowed. */
	len = NLMSG_HDRLEN + sizeof(m) + 4 + 200;
	put_hdr(buf, (uint32_t)len, SOCK_DIAG_BY_FAMILY);
	rta.rta_len = 4 + 200;
	memcpy(buf + NLMSG_HDRLEN + sizeof(m), &rta, sizeof(rta));
	memset(buf + NLMSG_HDRLEN + sizeof(m) + 4, 'x', 200);
	memset(&ss, 0, sizeof(ss));
	ck_assert_int_eq(nlp_sock_diag(buf, len, 0, collect_sock, &ss),
	    NLP_MORE);
	ck_assert_uint_eq(strlen(ss.v[0].path), NLP_UNIX_PATH + 1);
}
END_TEST

/* ---- text ---- */

START_TEST(mask_and_state_text)
{
	char t[NLP_ADDRSTRLEN];

	nlp_mask_text(AF_INET, 0, t, sizeof(t));
	ck_assert_str_eq(t, "0.0.0.0");
	nlp_mask_text(AF_INET, 20, t, sizeof(t));
	ck_assert_str_eq(t, "255.255.240.0");
	nlp_mask_text(AF_INET, 99, t, sizeof(t));
	ck_assert_str_eq(t, "255.255.255.255");
	nlp_mask_text(AF_INET6, 64, t, sizeof(t));
	ck_assert_str_eq(t, "ffff:ffff:ffff:ffff::");
	nlp_mask_text(AF_UNIX, 8, t, sizeof(t));
	ck_assert_str_eq(t, "");
	ck_assert_str_eq(nlp_tcp_state_name(1), "ESTABLISHED");
	ck_assert_str_eq(nlp_tcp_state_name(7), "CLOSED");
	ck_assert_str_eq(nlp_tcp_state_name(10), "LISTEN");
	ck_assert_str_eq(nlp_tcp_state_name(12), "SYN_RECV");
	ck_assert_str_eq(nlp_tcp_state_name(0), "UNKNOWN");
	ck_assert_str_eq(nlp_tcp_state_name(200), "UNKNOWN");
}
END_TEST

/* ---- socket holders ---- */

static size_t
put_fd(unsigned char *p, uint32_t fd, const char *target)
{
	size_t n = strlen(target);

	p[0] = fd & 0xff;
	p[1] = (fd >> 8) & 0xff;
	p[2] = (fd >> 16) & 0xff;
	p[3] = fd >> 24;
	p[4] = n & 0xff;
	p[5] = n >> 8;
	memcpy(p + 6, target, n + 1);
	return 6 + n + 1;
}

START_TEST(owners_index)
{
	unsigned char blob[256];
	struct sock_owners o = { 0 };
	const struct sock_owner *w;
	size_t len = 0, n;

	len += put_fd(blob + len, 3, "socket:[9712]");
	len += put_fd(blob + len, 4, "/dev/null");
	len += put_fd(blob + len, 70000, "socket:[12]");
	ck_assert_int_eq(sock_owners_add_fds(&o, 42, (char *)blob, len), 0);
	len = put_fd(blob, 5, "socket:[9712]");
	ck_assert_int_eq(sock_owners_add_fds(&o, 7, (char *)blob, len), 0);
	sock_owners_sort(&o);
	ck_assert_uint_eq(o.n, 3);
	w = sock_owners_find(&o, 9712, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(w[0].pid, 7);
	ck_assert_int_eq(w[1].pid, 42);
	ck_assert_uint_eq(w[1].fd, 3);
	w = sock_owners_find(&o, 12, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(w->fd, 70000);
	ck_assert_ptr_null(sock_owners_find(&o, 13, &n));
	ck_assert_uint_eq(n, 0);
	sock_owners_free(&o);
	ck_assert_ptr_null(sock_owners_find(&o, 12, &n));
}
END_TEST

START_TEST(owners_malformed)
{
	unsigned char blob[64];
	struct sock_owners o = { 0 };
	size_t len, cut;

	len = put_fd(blob, 3, "socket:[1]");
	for (cut = 1; cut < len; cut++)
		ck_assert_int_eq(sock_owners_add_fds(&o, 1, (char *)blob,
		    cut), -EBADMSG);
	blob[len - 1] = 'x';		/* no NUL */
	ck_assert_int_eq(sock_owners_add_fds(&o, 1, (char *)blob, len),
	    -EBADMSG);
	len = put_fd(blob, 3, "socket:[1]");
	blob[8] = '\0';			/* a NUL inside */
	ck_assert_int_eq(sock_owners_add_fds(&o, 1, (char *)blob, len),
	    -EBADMSG);
	blob[4] = 0xff;			/* a length past the end */
	blob[5] = 0xff;
	ck_assert_int_eq(sock_owners_add_fds(&o, 1, (char *)blob, len),
	    -EBADMSG);
	ck_assert_int_eq(sock_owners_add_fds(&o, 1, NULL, 0), 0);
	ck_assert_uint_eq(o.n, 0);
	sock_owners_free(&o);

	ck_assert_uint_eq(socket_link_inode("socket:[]", 9), 0);
	ck_assert_uint_eq(socket_link_inode("socket:[12a]", 12), 0);
	ck_assert_uint_eq(socket_link_inode("socket:[12", 10), 0);
	ck_assert_uint_eq(socket_link_inode("pipe:[12]", 9), 0);
	ck_assert_uint_eq(socket_link_inode(
	    "socket:[99999999999999999999999]", 32), 0);
	ck_assert_uint_eq(socket_link_inode("socket:[4026531840]", 19),
	    4026531840ULL);
}
END_TEST

static size_t
put_str(unsigned char *p, const char *s)
{
	size_t n = strlen(s);

	p[0] = n & 0xff;
	p[1] = n >> 8;
	memcpy(p + 2, s, n + 1);
	return n + 3;
}

START_TEST(netns_from_proc_ns)
{
	unsigned char blob[128];
	uint64_t ino = 0;
	size_t len = 0;

	len += put_str(blob + len, "mnt");
	len += put_str(blob + len, "mnt:[4026531841]");
	len += put_str(blob + len, "net");
	len += put_str(blob + len, "net:[4026531840]");
	ck_assert_int_eq(proc_ns_inode((char *)blob, len, "net", &ino), 0);
	ck_assert_uint_eq(ino, 4026531840ULL);
	ck_assert_int_eq(proc_ns_inode((char *)blob, len, "pid", &ino),
	    -ENOENT);
	ck_assert_int_eq(proc_ns_inode((char *)blob, len - 1, "net", &ino),
	    -EBADMSG);
	len = put_str(blob, "net");
	len += put_str(blob + len, "mnt:[1]");
	ck_assert_int_eq(proc_ns_inode((char *)blob, len, "net", &ino),
	    -EBADMSG);
}
END_TEST

Suite *
suite_netlink(void)
{
	Suite *s = suite_create("netlink");
	TCase *tc;
	int nfix = (int)(sizeof(all_fixtures) / sizeof(all_fixtures[0]));

	tc = tcase_create("fixtures");
	tcase_add_test(tc, tcp4_listener_found);
	tcase_add_test(tc, tcp6_listener_found);
	tcase_add_test(tc, udp_bound_found);
	tcase_add_test(tc, unix_listeners_found);
	tcase_add_test(tc, listening_rules);
	tcase_add_test(tc, links_have_loopback);
	tcase_add_test(tc, addresses_of_loopback);
	tcase_add_test(tc, routes_v4);
	tcase_add_test(tc, routes_v6);
	tcase_add_test(tc, callback_stops_walk);
	suite_add_tcase(s, tc);

	tc = tcase_create("malformed");
	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, every_truncation, 0, nfix);
	tcase_add_loop_test(tc, mutations_terminate, 0, nfix);
	tcase_add_test(tc, message_lengths);
	tcase_add_test(tc, errors_and_done);
	tcase_add_test(tc, attribute_lengths);
	tcase_add_test(tc, address_sizes_checked);
	tcase_add_test(tc, unix_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_test(tc, mask_and_state_text);
	suite_add_tcase(s, tc);

	tc = tcase_create("owners");
	tcase_add_test(tc, owners_index);
	tcase_add_test(tc, owners_malformed);
	tcase_add_test(tc, netns_from_proc_ns);
	suite_add_tcase(s, tc);
	return s;
}

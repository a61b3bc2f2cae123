/*
 * The netlink reply parsers (tables/netlink_parse.h) on arbitrary bytes,
 * as privd forwards whatever its socket returned: every walker gets the
 * whole input, and each object it calls back with is turned to text as
 * the tables do.  The buffer is copied to a 4-byte aligned one, as
 * privd's chunks arrive at the start of a payload.
 */
#include <sys/socket.h>

#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/netlink_parse.h"
#include "fuzz.h"

static int
on_msg(void *arg, uint16_t type, const uint8_t *payload, size_t len)
{
	const uint8_t *buf = arg;

	(void)type;
	(void)buf;
	if (len > 0)
		CHECK(payload != NULL);
	return 0;
}

static int
on_sock(void *arg, const struct nlp_sock *s)
{
	char a[NLP_ADDRSTRLEN];

	(void)arg;
	CHECK(memchr(s->path, '\0', sizeof(s->path)) != NULL);
	nlp_addr_text(s->family, s->local_addr, a, sizeof(a));
	nlp_addr_text(s->family, s->remote_addr, a, sizeof(a));
	(void)nlp_tcp_state_name(s->state);
	return 0;
}

static int
on_link(void *arg, const struct nlp_link *l)
{
	(void)arg;
	CHECK(memchr(l->name, '\0', sizeof(l->name)) != NULL);
	return 0;
}

static int
on_addr(void *arg, const struct nlp_addr *a)
{
	char t[NLP_ADDRSTRLEN];

	(void)arg;
	CHECK(memchr(a->label, '\0', sizeof(a->label)) != NULL);
	nlp_addr_text(a->family, a->address, t, sizeof(t));
	nlp_addr_text(a->family, a->local, t, sizeof(t));
	nlp_addr_text(a->family, a->broadcast, t, sizeof(t));
	nlp_mask_text(a->family, a->prefixlen, t, sizeof(t));
	return 0;
}

static int
on_route(void *arg, const struct nlp_route *r)
{
	char t[NLP_ADDRSTRLEN];

	(void)arg;
	nlp_addr_text(r->family, r->dst, t, sizeof(t));
	nlp_addr_text(r->family, r->gateway, t, sizeof(t));
	nlp_addr_text(r->family, r->prefsrc, t, sizeof(t));
	nlp_mask_text(r->family, r->dst_len, t, sizeof(t));
	return 0;
}

/* Stop after the first object: a callback's error ends the walk. */
static int
stop_link(void *arg, const struct nlp_link *l)
{
	(void)arg;
	(void)l;
	return -1234;
}

static void
check_rc(int rc)
{
	CHECK(rc == NLP_MORE || rc == NLP_DONE || rc < 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *buf;
	int rc;

	/* Exactly the input's size, so that reading past it is caught. */
	if ((buf = malloc(size > 0 ? size : 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	check_rc(nlp_walk(buf, size, on_msg, buf));
	check_rc(nlp_sock_diag(buf, size, IPPROTO_TCP, on_sock, NULL));
	check_rc(nlp_sock_diag(buf, size, IPPROTO_UDP, on_sock, NULL));
	check_rc(nlp_sock_diag(buf, size, 0, on_sock, NULL));
	check_rc(nlp_links(buf, size, on_link, NULL));
	rc = nlp_links(buf, size, stop_link, NULL);
	check_rc(rc);
	check_rc(nlp_addrs(buf, size, on_addr, NULL));
	check_rc(nlp_routes(buf, size, on_route, NULL));
	free(buf);
	return 0;
}

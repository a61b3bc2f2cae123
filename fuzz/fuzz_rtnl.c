/*
 * The rtnetlink link and neighbour parsers (tables/rtnl_parse.h) on
 * arbitrary bytes, as privd forwards whatever its socket returned; each
 * object is turned into the rows interface_details and arp_cache show.
 * The buffer is copied to one of exactly the input's size.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/rtnl_parse.h"
#include "fuzz.h"

static int
on_link(void *arg, const struct rtnl_link *l)
{
	char mac[RTNL_LLADDR_TEXT];

	(void)arg;
	CHECK(memchr(l->name, '\0', sizeof(l->name)) != NULL);
	CHECK(l->addr_len <= RTNL_LLADDR_MAX);
	rtnl_lladdr_text(l->addr, l->addr_len, mac, sizeof(mac));
	CHECK(strlen(mac) < sizeof(mac));
	(void)rtnl_link_flags(l);
	return 0;
}

static int
on_neigh(void *arg, const struct rtnl_neigh *n)
{
	struct rtnl_arp_row r;

	(void)arg;
	CHECK(n->lladdr_len <= RTNL_LLADDR_MAX);
	if (rtnl_neigh_arp(n, &r) == 0) {
		CHECK(memchr(r.address, '\0', sizeof(r.address)) != NULL);
		CHECK(memchr(r.mac, '\0', sizeof(r.mac)) != NULL);
	}
	return 0;
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

	if ((buf = malloc(size > 0 ? size : 1)) == NULL)
		return 0;
	memcpy(buf, data, size);
	check_rc(rtnl_links(buf, size, on_link, NULL));
	check_rc(rtnl_neighs(buf, size, on_neigh, NULL));
	free(buf);
	return 0;
}

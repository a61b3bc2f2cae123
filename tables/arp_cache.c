/*
 * arp_cache: the IPv4 neighbour table, from an RTM_GETNEIGH dump, with
 * the entries /proc/net/arp shows (osquery's source on Linux): every
 * entry in some state other than NOARP, its link-layer address, or
 * zeros while it is unresolved.
 */
#include <sys/socket.h>

#include <errno.h>
#include <string.h>

#include "link_names.h"
#include "nldump.h"
#include "rtnl_parse.h"
#include "table.h"

enum {
	C_ADDRESS, C_MAC, C_INTERFACE, C_PERMANENT,
};

static const struct column columns[] = {
	[C_ADDRESS] = { "address", COL_TEXT, 0, NULL,
	    "IPv4 address target" },
	[C_MAC] = { "mac", COL_TEXT, 0, "nocase",
	    "MAC address of broadcasted address" },
	[C_INTERFACE] = { "interface", COL_TEXT, 0, NULL,
	    "Interface of the network for the MAC" },
	[C_PERMANENT] = { "permanent", COL_TEXT, 0, NULL,
	    "1 for true, 0 for false" },
};

struct arp_gen {
	struct gen_ctx		*ctx;
	struct link_names	 links;
	struct nldump		 dump;
};

static int
neigh_row(void *arg, const struct rtnl_neigh *n)
{
	struct arp_gen *g = arg;
	const struct nlp_link *l;
	struct rtnl_arp_row r;

	if (rtnl_neigh_arp(n, &r) == -1)
		return 0;
	l = link_names_find(&g->links, n->index);
	row_begin(g->ctx);
	row_text(g->ctx, C_ADDRESS, r.address);
	row_text(g->ctx, C_MAC, r.mac);
	if (l != NULL)
		row_text(g->ctx, C_INTERFACE, l->name);
	row_text(g->ctx, C_PERMANENT, r.permanent ? "1" : "0");
	if (row_end(g->ctx) != 0) {
		g->dump.row_err = -ENOMEM;
		return -ENOMEM;
	}
	return 0;
}

static int
neigh_buffer(void *arg, const void *buf, size_t len)
{
	struct arp_gen *g = arg;

	if (nldump_wants(&g->dump))
		nldump_note(&g->dump, rtnl_neighs(buf, len, neigh_row, g));
	return 0;
}

static int
arp_generate(struct gen_ctx *ctx)
{
	struct arp_gen g;
	int rc;

	memset(&g, 0, sizeof(g));
	g.ctx = ctx;
	if (link_names_load(ctx, &g.links) == -1)
		return -1;
	rc = collect_netlink_dump(gen_collect(ctx), NL_NEIGH, AF_INET, 0,
	    neigh_buffer, &g);
	link_names_free(&g.links);
	return nldump_finish(&g.dump, ctx, rc, "neighbours");
}

const struct table table_arp_cache = {
	.name = "arp_cache",
	.description = "Address resolution cache (ARP), both static and "
	    "dynamic.",
	.example = "SELECT address, mac, interface FROM arp_cache "
	    "WHERE permanent = '0'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = arp_generate,
};

/*
 * routes: every IPv4 and IPv6 route of every routing table (main, local
 * and the others), from RTM_GETROUTE dumps.
 */
#include <sys/socket.h>

#include <errno.h>
#include <string.h>

#include "link_names.h"
#include "net_rows.h"
#include "nldump.h"
#include "table.h"

enum {
	C_DESTINATION, C_NETMASK, C_GATEWAY, C_SOURCE, C_FLAGS, C_INTERFACE,
	C_MTU, C_METRIC, C_TYPE, C_HOPCOUNT,
};

static const struct column columns[] = {
	[C_DESTINATION] = { "destination", COL_TEXT, 0, NULL,
	    "Destination IP address" },
	[C_NETMASK] = { "netmask", COL_INTEGER, 0, NULL,
	    "Netmask length" },
	[C_GATEWAY] = { "gateway", COL_TEXT, 0, NULL,
	    "Route gateway" },
	[C_SOURCE] = { "source", COL_TEXT, 0, NULL,
	    "Route source" },
	[C_FLAGS] = { "flags", COL_INTEGER, 0, NULL,
	    "Flags to describe route" },
	[C_INTERFACE] = { "interface", COL_TEXT, 0, NULL,
	    "Route local interface" },
	[C_MTU] = { "mtu", COL_INTEGER, 0, NULL,
	    "Maximum Transmission Unit for the route" },
	[C_METRIC] = { "metric", COL_INTEGER, 0, NULL,
	    "Cost of route. Lowest is preferred" },
	[C_TYPE] = { "type", COL_TEXT, COL_ADDITIONAL, NULL,
	    "Type of route" },
	[C_HOPCOUNT] = { "hopcount", COL_INTEGER, 0, NULL,
	    "Max hops expected" },
};

struct route_gen {
	struct gen_ctx		*ctx;
	struct link_names	 links;
	struct nldump		 dump;
};

static int
route_row(void *arg, const struct nlp_route *rt)
{
	struct route_gen *g = arg;
	struct route_row r;

	route_row_make(rt, rt->oif != 0 ?
	    link_names_find(&g->links, rt->oif) : NULL, &r);
	row_begin(g->ctx);
	row_text(g->ctx, C_DESTINATION, r.destination);
	row_int(g->ctx, C_NETMASK, r.netmask);
	row_text_nonempty(g->ctx, C_GATEWAY, r.gateway);
	row_text_nonempty(g->ctx, C_SOURCE, r.source);
	row_int(g->ctx, C_FLAGS, r.flags);
	row_text_nonempty(g->ctx, C_INTERFACE, r.interface);
	row_int(g->ctx, C_MTU, r.mtu);
	row_int(g->ctx, C_METRIC, r.metric);
	row_text(g->ctx, C_TYPE, r.type);
	row_int(g->ctx, C_HOPCOUNT, r.hopcount);
	if (row_end(g->ctx) != 0) {
		g->dump.row_err = -ENOMEM;
		return -ENOMEM;
	}
	return 0;
}

static int
route_buffer(void *arg, const void *buf, size_t len)
{
	struct route_gen *g = arg;

	if (nldump_wants(&g->dump))
		nldump_note(&g->dump, nlp_routes(buf, len, route_row, g));
	return 0;
}

static int
routes_dump(struct route_gen *g, int family)
{
	int rc;

	nldump_start(&g->dump);
	rc = collect_netlink_dump(gen_collect(g->ctx), NL_ROUTES, family, 0,
	    route_buffer, g);
	return nldump_finish(&g->dump, g->ctx, rc,
	    family == AF_INET ? "IPv4 routes" : "IPv6 routes");
}

static int
routes_generate(struct gen_ctx *ctx)
{
	struct route_gen g;
	int rc;

	memset(&g, 0, sizeof(g));
	g.ctx = ctx;
	if (link_names_load(ctx, &g.links) == -1)
		return -1;
	rc = routes_dump(&g, AF_INET);
	if (rc == 0)
		rc = routes_dump(&g, AF_INET6);
	link_names_free(&g.links);
	return rc;
}

const struct table table_routes = {
	.name = "routes",
	.description = "The active route table for the host system.",
	.example = "SELECT destination, netmask, gateway, interface FROM "
	    "routes WHERE type = 'gateway'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = routes_generate,
};

/*
 * interface_addresses: every IPv4 and IPv6 address of every interface,
 * from an RTM_GETADDR dump, with names from an RTM_GETLINK dump.
 */
#include <sys/socket.h>

#include <errno.h>
#include <string.h>

#include "link_names.h"
#include "net_rows.h"
#include "nldump.h"
#include "table.h"

enum {
	C_INTERFACE, C_ADDRESS, C_MASK, C_BROADCAST, C_POINT_TO_POINT,
	C_TYPE,
};

static const struct column columns[] = {
	[C_INTERFACE] = { "interface", COL_TEXT, 0, NULL,
	    "Interface name" },
	[C_ADDRESS] = { "address", COL_TEXT, 0, NULL,
	    "Specific address for interface" },
	[C_MASK] = { "mask", COL_TEXT, 0, NULL,
	    "Interface netmask" },
	[C_BROADCAST] = { "broadcast", COL_TEXT, 0, NULL,
	    "Broadcast address for the interface" },
	[C_POINT_TO_POINT] = { "point_to_point", COL_TEXT, 0, NULL,
	    "PtP address for the interface" },
	[C_TYPE] = { "type", COL_TEXT, 0, NULL,
	    "Type of address. One of dhcp, manual, unknown" },
};

struct addr_gen {
	struct gen_ctx		*ctx;
	struct link_names	 links;
	struct nldump		 dump;
};

static int
address_row(void *arg, const struct nlp_addr *a)
{
	struct addr_gen *g = arg;
	struct ifaddr_row r;

	ifaddr_row_make(a, link_names_find(&g->links, a->index), &r);
	row_begin(g->ctx);
	row_text(g->ctx, C_INTERFACE, r.interface);
	row_text(g->ctx, C_ADDRESS, r.address);
	row_text(g->ctx, C_MASK, r.mask);
	row_text_nonempty(g->ctx, C_BROADCAST, r.broadcast);
	row_text_nonempty(g->ctx, C_POINT_TO_POINT, r.point_to_point);
	row_text(g->ctx, C_TYPE, r.type);
	if (row_end(g->ctx) != 0) {
		g->dump.row_err = -ENOMEM;
		return -ENOMEM;
	}
	return 0;
}

static int
address_buffer(void *arg, const void *buf, size_t len)
{
	struct addr_gen *g = arg;

	if (nldump_wants(&g->dump))
		nldump_note(&g->dump, nlp_addrs(buf, len, address_row, g));
	return 0;
}

static int
addresses_generate(struct gen_ctx *ctx)
{
	struct addr_gen g;
	int rc;

	memset(&g, 0, sizeof(g));
	g.ctx = ctx;
	if (link_names_load(ctx, &g.links) == -1)
		return -1;
	rc = collect_netlink_dump(gen_collect(ctx), NL_ADDRS, AF_UNSPEC, 0,
	    address_buffer, &g);
	link_names_free(&g.links);
	return nldump_finish(&g.dump, ctx, rc, "addresses");
}

const struct table table_interface_addresses = {
	.name = "interface_addresses",
	.description = "Network interfaces and relevant metadata.",
	.example = "SELECT interface, address, mask FROM interface_addresses "
	    "WHERE interface = 'eth0'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = addresses_generate,
};

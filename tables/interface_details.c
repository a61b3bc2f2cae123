/*
 * interface_details: every network interface with its hardware address,
 * type, flags, MTU and counters, from an RTM_GETLINK dump; the link
 * speed and PCI slot from the interface's sysfs directory, read only
 * for the columns the query wants.  privd answers one request at a
 * time, so the links are kept until the dump is over, and only then is
 * sysfs read for them.
 */
#include <sys/socket.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netdev_sysfs.h"
#include "nldump.h"
#include "rtnl_parse.h"
#include "table.h"

#define SPEED_CAP	64
/* The hardware address osquery shows: the first six bytes. */
#define MAC_LEN		6

enum {
	C_INTERFACE, C_MAC, C_TYPE, C_MTU, C_METRIC, C_FLAGS, C_IPACKETS,
	C_OPACKETS, C_IBYTES, C_OBYTES, C_IERRORS, C_OERRORS, C_IDROPS,
	C_ODROPS, C_COLLISIONS, C_LAST_CHANGE, C_LINK_SPEED, C_PCI_SLOT,
};

static const struct column columns[] = {
	[C_INTERFACE] = { "interface", COL_TEXT, 0, NULL,
	    "Interface name" },
	[C_MAC] = { "mac", COL_TEXT, 0, "nocase",
	    "MAC of interface (optional)" },
	[C_TYPE] = { "type", COL_INTEGER, 0, NULL,
	    "Interface type (includes virtual)" },
	[C_MTU] = { "mtu", COL_INTEGER, 0, NULL,
	    "Network MTU" },
	[C_METRIC] = { "metric", COL_INTEGER, 0, NULL,
	    "Metric based on the speed of the interface" },
	[C_FLAGS] = { "flags", COL_INTEGER, 0, NULL,
	    "Flags (netdevice) for the device" },
	[C_IPACKETS] = { "ipackets", COL_BIGINT, 0, NULL,
	    "Input packets" },
	[C_OPACKETS] = { "opackets", COL_BIGINT, 0, NULL,
	    "Output packets" },
	[C_IBYTES] = { "ibytes", COL_BIGINT, 0, NULL,
	    "Input bytes" },
	[C_OBYTES] = { "obytes", COL_BIGINT, 0, NULL,
	    "Output bytes" },
	[C_IERRORS] = { "ierrors", COL_BIGINT, 0, NULL,
	    "Input errors" },
	[C_OERRORS] = { "oerrors", COL_BIGINT, 0, NULL,
	    "Output errors" },
	[C_IDROPS] = { "idrops", COL_BIGINT, 0, NULL,
	    "Input drops" },
	[C_ODROPS] = { "odrops", COL_BIGINT, 0, NULL,
	    "Output drops" },
	[C_COLLISIONS] = { "collisions", COL_BIGINT, 0, NULL,
	    "Packet Collisions detected" },
	[C_LAST_CHANGE] = { "last_change", COL_BIGINT, 0, NULL,
	    "Time of last device modification (optional); -1 on Linux" },
	[C_LINK_SPEED] = { "link_speed", COL_BIGINT, 0, NULL,
	    "Interface speed in Mb/s, 0 when unknown" },
	[C_PCI_SLOT] = { "pci_slot", COL_TEXT, 0, NULL,
	    "PCI slot of the interface's device" },
};

struct details_gen {
	struct gen_ctx	*ctx;
	struct nldump	 dump;
	struct rtnl_link *links;
	size_t		 n, cap;
	int		 speed_warned;
};

/* A counter as SQLite holds it. */
static int64_t
counter(uint64_t v)
{
	return v > INT64_MAX ? INT64_MAX : (int64_t)v;
}

static void
mac_column(struct gen_ctx *ctx, const struct rtnl_link *l)
{
	uint8_t mac[MAC_LEN];
	char text[MAC_LEN * 3];

	memset(mac, 0, sizeof(mac));
	memcpy(mac, l->addr, l->addr_len < MAC_LEN ? l->addr_len : MAC_LEN);
	rtnl_lladdr_text(mac, sizeof(mac), text, sizeof(text));
	row_text(ctx, C_MAC, text);
}

static void
counter_columns(struct gen_ctx *ctx, const struct rtnl_counters *c)
{
	row_int(ctx, C_IPACKETS, counter(c->rx_packets));
	row_int(ctx, C_OPACKETS, counter(c->tx_packets));
	row_int(ctx, C_IBYTES, counter(c->rx_bytes));
	row_int(ctx, C_OBYTES, counter(c->tx_bytes));
	row_int(ctx, C_IERRORS, counter(c->rx_errors));
	row_int(ctx, C_OERRORS, counter(c->tx_errors));
	row_int(ctx, C_IDROPS, counter(c->rx_dropped));
	row_int(ctx, C_ODROPS, counter(c->tx_dropped));
	row_int(ctx, C_COLLISIONS, counter(c->collisions));
}

/* The link speed from dir/speed: 0 when the kernel cannot tell (a link
 * that is down, a virtual device), NULL when the read was refused. */
static void
speed_column(struct details_gen *g, const char *dir)
{
	char path[PATH_MAX], *data = NULL;
	size_t len = 0;
	int64_t mbps = 0;
	int rc;

	if (snprintf(path, sizeof(path), "%s/speed", dir) >=
	    (int)sizeof(path))
		return;
	rc = collect_read_file(gen_collect(g->ctx), path, SPEED_CAP, &data,
	    &len);
	if (rc == -EACCES) {
		if (!g->speed_warned)
			gen_warn(g->ctx, "%s: %s", path, strerror(-rc));
		g->speed_warned = 1;
		return;
	}
	if (rc == 0 && netdev_speed_parse(data, len, &mbps) == -1)
		mbps = 0;
	free(data);
	row_int(g->ctx, C_LINK_SPEED, mbps);
}

/* The columns that live in the interface's sysfs directory. */
static void
sysfs_columns(struct details_gen *g, const char *name)
{
	char link[PATH_MAX], target[PATH_MAX], dir[PATH_MAX], slot[64];
	int want_speed = gen_used(g->ctx, C_LINK_SPEED);

	if (!want_speed && !gen_used(g->ctx, C_PCI_SLOT))
		return;
	if (!netdev_name_ok(name) ||
	    snprintf(link, sizeof(link), "%s/%s", NETDEV_CLASS_DIR, name) >=
	    (int)sizeof(link) ||
	    collect_readlink(gen_collect(g->ctx), link, target,
	    sizeof(target)) != 0 ||
	    netdev_sysfs_dir(target, dir, sizeof(dir)) == -1) {
		row_int(g->ctx, C_LINK_SPEED, 0);
		return;
	}
	if (netdev_pci_slot(dir, slot, sizeof(slot)) == 0)
		row_text(g->ctx, C_PCI_SLOT, slot);
	if (want_speed)
		speed_column(g, dir);
}

static int
link_row(struct details_gen *g, const struct rtnl_link *l)
{
	struct gen_ctx *ctx = g->ctx;

	row_begin(ctx);
	row_text(ctx, C_INTERFACE, l->name);
	mac_column(ctx, l);
	row_int(ctx, C_TYPE, l->type);
	row_int(ctx, C_MTU, l->mtu);
	/* Linux keeps no metric per interface (SIOCGIFMETRIC says 0) and
	 * no time of the last change (osquery's -1). */
	row_int(ctx, C_METRIC, 0);
	row_int(ctx, C_FLAGS, rtnl_link_flags(l));
	if (l->has_counters)
		counter_columns(ctx, &l->counters);
	row_int(ctx, C_LAST_CHANGE, -1);
	sysfs_columns(g, l->name);
	return row_end(ctx);
}

static int
link_keep(void *arg, const struct rtnl_link *l)
{
	struct details_gen *g = arg;
	struct rtnl_link *v;
	size_t cap;

	if (g->n == g->cap) {
		cap = g->cap ? g->cap * 2 : 16;
		if (cap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(g->links, cap * sizeof(*v))) == NULL) {
			g->dump.row_err = -ENOMEM;
			return -ENOMEM;
		}
		g->links = v;
		g->cap = cap;
	}
	g->links[g->n++] = *l;
	return 0;
}

static int
link_buffer(void *arg, const void *buf, size_t len)
{
	struct details_gen *g = arg;

	if (nldump_wants(&g->dump))
		nldump_note(&g->dump, rtnl_links(buf, len, link_keep, g));
	return 0;
}

static int
details_generate(struct gen_ctx *ctx)
{
	struct details_gen g;
	size_t i;
	int rc;

	memset(&g, 0, sizeof(g));
	g.ctx = ctx;
	rc = collect_netlink_dump(gen_collect(ctx), NL_LINKS, AF_UNSPEC, 0,
	    link_buffer, &g);
	rc = nldump_finish(&g.dump, ctx, rc, "interfaces");
	for (i = 0; rc == 0 && i < g.n; i++) {
		if (link_row(&g, &g.links[i]) != 0) {
			gen_error(ctx, "interface_details: out of memory");
			rc = -1;
		}
	}
	free(g.links);
	return rc;
}

const struct table table_interface_details = {
	.name = "interface_details",
	.description = "Detailed information and stats of network interfaces.",
	.example = "SELECT interface, mac, mtu, ibytes, obytes, link_speed "
	    "FROM interface_details WHERE interface = 'eth0'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = details_generate,
};

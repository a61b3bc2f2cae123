/*
 * interface_ipv6: the IPv6 settings of every interface, from
 * /proc/sys/net/ipv6/conf/<interface>/.  The value the kernel acts on
 * may combine the interface's setting with the global one ("all"); the
 * columns combine them the way osquery does, and a setting that cannot
 * be read counts as -1 as in osquery.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "link_names.h"
#include "netdev_sysfs.h"
#include "sysvalue.h"
#include "table.h"
#include "textparse.h"

#define CONF_DIR	"/proc/sys/net/ipv6/conf"

enum {
	C_INTERFACE, C_HOP_LIMIT, C_FORWARDING_ENABLED, C_REDIRECT_ACCEPT,
	C_RTADV_ACCEPT,
};

static const struct column columns[] = {
	[C_INTERFACE] = { "interface", COL_TEXT, 0, NULL,
	    "Interface name" },
	[C_HOP_LIMIT] = { "hop_limit", COL_INTEGER, 0, NULL,
	    "Current Hop Limit" },
	[C_FORWARDING_ENABLED] = { "forwarding_enabled", COL_INTEGER, 0,
	    NULL, "Enable IP forwarding" },
	[C_REDIRECT_ACCEPT] = { "redirect_accept", COL_INTEGER, 0, NULL,
	    "Accept ICMP redirect messages" },
	[C_RTADV_ACCEPT] = { "rtadv_accept", COL_INTEGER, 0, NULL,
	    "Accept ICMP Router Advertisement" },
};

struct ipv6_gen {
	struct gen_ctx	*ctx;
	int		 warned;
};

/* One setting of an interface ("all" for the global one); -1 when it
 * cannot be read or is not a number. */
static int
conf_value(struct ipv6_gen *g, const char *iface, const char *name)
{
	char path[PATH_MAX], text[32];
	int64_t v;
	int rc;

	if (snprintf(path, sizeof(path), "%s/%s/%s", CONF_DIR, iface, name) >=
	    (int)sizeof(path))
		return -1;
	rc = sysvalue_read(g->ctx, path, text, sizeof(text));
	if (rc == -EACCES && !g->warned) {
		gen_warn(g->ctx, "%s: %s", path, strerror(-rc));
		g->warned = 1;
	}
	if (rc != 0 || txt_i64(text, strlen(text), &v) == -1 ||
	    v < INT_MIN || v > INT_MAX)
		return -1;
	return (int)v;
}

/*
 * Redirects are accepted when both settings say so on a router, when
 * either does on a host; router advertisements when the interface says
 * 2, or 1 on a host (ip-sysctl.rst).
 */
static int
interface_row(struct ipv6_gen *g, const char *name, int all_redirects)
{
	int forwarding, redirects, rtadv;

	forwarding = conf_value(g, name, "forwarding");
	redirects = conf_value(g, name, "accept_redirects");
	rtadv = conf_value(g, name, "accept_ra");
	row_begin(g->ctx);
	row_text(g->ctx, C_INTERFACE, name);
	row_int(g->ctx, C_HOP_LIMIT, conf_value(g, name, "hop_limit"));
	row_int(g->ctx, C_FORWARDING_ENABLED, forwarding);
	row_int(g->ctx, C_REDIRECT_ACCEPT, forwarding ?
	    all_redirects && redirects : all_redirects || redirects);
	row_int(g->ctx, C_RTADV_ACCEPT, rtadv == 2 ? 1 :
	    rtadv && !forwarding);
	return row_end(g->ctx);
}

static int
ipv6_generate(struct gen_ctx *ctx)
{
	struct ipv6_gen g;
	struct link_names links;
	size_t i;
	int all_redirects = -2, rc = 0;

	memset(&g, 0, sizeof(g));
	g.ctx = ctx;
	if (link_names_load(ctx, &links) == -1)
		return -1;
	for (i = 0; rc == 0 && i < links.n; i++) {
		if (!netdev_name_ok(links.v[i].name))
			continue;
		if (all_redirects == -2)
			all_redirects = conf_value(&g, "all",
			    "accept_redirects");
		rc = interface_row(&g, links.v[i].name, all_redirects);
	}
	link_names_free(&links);
	if (rc != 0) {
		gen_error(ctx, "interface_ipv6: out of memory");
		return -1;
	}
	return 0;
}

const struct table table_interface_ipv6 = {
	.name = "interface_ipv6",
	.description = "IPv6 configuration and stats of network interfaces.",
	.example = "SELECT interface, hop_limit, forwarding_enabled FROM "
	    "interface_ipv6 WHERE interface = 'eth0'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = ipv6_generate,
};

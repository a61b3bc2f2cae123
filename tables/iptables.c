/*
 * iptables: the rules of the legacy iptables tables the kernel has
 * loaded (/proc/net/ip_tables_names), dumped by privd and walked here.
 * Only loaded tables are asked for, as asking for one may load it.
 */
#include <sys/socket.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iptables_parse.h"
#include "table.h"
#include "textparse.h"

#define NAMES_PATH	"/proc/net/ip_tables_names"
#define NAMES_CAP	4096
#define TABLE_NAME_MAX	32

enum {
	C_FILTER_NAME, C_CHAIN, C_POLICY, C_TARGET, C_PROTOCOL, C_SRC_PORT,
	C_DST_PORT, C_SRC_IP, C_SRC_MASK, C_INIFACE, C_INIFACE_MASK,
	C_DST_IP, C_DST_MASK, C_OUTIFACE, C_OUTIFACE_MASK, C_MATCH,
	C_PACKETS, C_BYTES,
};

static const struct column columns[] = {
	[C_FILTER_NAME] = { "filter_name", COL_TEXT, 0, NULL,
	    "Packet matching filter table name" },
	[C_CHAIN] = { "chain", COL_TEXT, 0, NULL,
	    "Name of the chain" },
	[C_POLICY] = { "policy", COL_TEXT, 0, NULL,
	    "Policy that applies for this rule" },
	[C_TARGET] = { "target", COL_TEXT, 0, NULL,
	    "Target that applies for this rule" },
	[C_PROTOCOL] = { "protocol", COL_INTEGER, 0, NULL,
	    "Protocol number identification" },
	[C_SRC_PORT] = { "src_port", COL_TEXT, 0, NULL,
	    "Protocol source port(s)" },
	[C_DST_PORT] = { "dst_port", COL_TEXT, 0, NULL,
	    "Protocol destination port(s)" },
	[C_SRC_IP] = { "src_ip", COL_TEXT, 0, NULL,
	    "Source IP address" },
	[C_SRC_MASK] = { "src_mask", COL_TEXT, 0, NULL,
	    "Source IP address mask" },
	[C_INIFACE] = { "iniface", COL_TEXT, 0, NULL,
	    "Input interface for the rule" },
	[C_INIFACE_MASK] = { "iniface_mask", COL_TEXT, 0, NULL,
	    "Input interface mask for the rule" },
	[C_DST_IP] = { "dst_ip", COL_TEXT, 0, NULL,
	    "Destination IP address" },
	[C_DST_MASK] = { "dst_mask", COL_TEXT, 0, NULL,
	    "Destination IP address mask" },
	[C_OUTIFACE] = { "outiface", COL_TEXT, 0, NULL,
	    "Output interface for the rule" },
	[C_OUTIFACE_MASK] = { "outiface_mask", COL_TEXT, 0, NULL,
	    "Output interface mask for the rule" },
	[C_MATCH] = { "match", COL_TEXT, 0, NULL,
	    "Matching rule that applies" },
	[C_PACKETS] = { "packets", COL_INTEGER, 0, NULL,
	    "Number of matching packets for this rule" },
	[C_BYTES] = { "bytes", COL_INTEGER, 0, NULL,
	    "Number of matching bytes for this rule" },
};

struct ipt_gen {
	struct gen_ctx	*ctx;
	char		 table[TABLE_NAME_MAX];
};

/* A counter as SQLite holds it; no counter comes near 2^63. */
static int64_t
counter(uint64_t v)
{
	return v > INT64_MAX ? INT64_MAX : (int64_t)v;
}

static void
chain_columns(struct ipt_gen *g, const struct iptp_chain *c)
{
	row_text(g->ctx, C_FILTER_NAME, g->table);
	row_text(g->ctx, C_CHAIN, c->name);
	row_text(g->ctx, C_POLICY, c->policy);
}

static int
rule_row(void *arg, const struct iptp_rule *r)
{
	struct ipt_gen *g = arg;
	char proto[16];

	row_begin(g->ctx);
	chain_columns(g, r->chain);
	row_text(g->ctx, C_TARGET, r->target);
	/* osquery's "!6" for a protocol the rule excludes. */
	if (r->protocol_inverted) {
		(void)snprintf(proto, sizeof(proto), "!%u", r->protocol);
		row_text(g->ctx, C_PROTOCOL, proto);
	} else
		row_int(g->ctx, C_PROTOCOL, r->protocol);
	row_text(g->ctx, C_SRC_PORT, r->has_ports ? r->src_port : "");
	row_text(g->ctx, C_DST_PORT, r->has_ports ? r->dst_port : "");
	row_text(g->ctx, C_SRC_IP, r->src_ip);
	row_text(g->ctx, C_SRC_MASK, r->src_mask);
	row_text(g->ctx, C_INIFACE, r->iniface);
	row_text(g->ctx, C_INIFACE_MASK, r->iniface_mask);
	row_text(g->ctx, C_DST_IP, r->dst_ip);
	row_text(g->ctx, C_DST_MASK, r->dst_mask);
	row_text(g->ctx, C_OUTIFACE, r->outiface);
	row_text(g->ctx, C_OUTIFACE_MASK, r->outiface_mask);
	row_text(g->ctx, C_MATCH, r->has_match ? "yes" : "no");
	row_int(g->ctx, C_PACKETS, counter(r->packets));
	row_int(g->ctx, C_BYTES, counter(r->bytes));
	return row_end(g->ctx) == 0 ? 0 : -ENOMEM;
}

/* The row of the chain itself, with its policy's counters. */
static int
chain_row(void *arg, const struct iptp_chain *c)
{
	struct ipt_gen *g = arg;

	row_begin(g->ctx);
	chain_columns(g, c);
	row_int(g->ctx, C_PACKETS, counter(c->packets));
	row_int(g->ctx, C_BYTES, counter(c->bytes));
	return row_end(g->ctx) == 0 ? 0 : -ENOMEM;
}

/* One table: -1 after gen_error() when the query cannot go on, 1 when
 * legacy iptables is missing altogether, else 0. */
static int
table_rows(struct ipt_gen *g)
{
	char *blob = NULL;
	size_t len = 0;
	int rc;

	rc = collect_iptables(gen_collect(g->ctx), AF_INET, g->table, &blob,
	    &len);
	if (rc == -ENOPROTOOPT) {
		gen_warn(g->ctx, "the kernel has no legacy iptables");
		return 1;
	}
	if (rc == -ENOENT)
		return 0;	/* unloaded since the list was read */
	if (rc < 0) {
		gen_warn(g->ctx, "table %s: %s", g->table,
		    rc == -EINVAL ? "not one privd dumps" : strerror(-rc));
		return 0;
	}
	rc = iptp_walk(blob, len, rule_row, chain_row, g);
	free(blob);
	if (rc == -EBADMSG) {
		gen_warn(g->ctx, "table %s: malformed dump",
		    g->table);
		return 0;
	}
	if (rc != 0) {
		gen_error(g->ctx, "iptables: %s", strerror(-rc));
		return -1;
	}
	return 0;
}

static int
iptables_generate(struct gen_ctx *ctx)
{
	struct ipt_gen g;
	struct span line;
	char *names = NULL;
	size_t len = 0, off = 0;
	int rc;

	memset(&g, 0, sizeof(g));
	g.ctx = ctx;
	rc = collect_read_file(gen_collect(ctx), NAMES_PATH, NAMES_CAP, &names,
	    &len);
	if (rc < 0) {
		gen_warn(ctx, "%s: %s", NAMES_PATH,
		    rc == -ENOENT ? "legacy iptables not loaded" :
		    strerror(-rc));
		return 0;
	}
	rc = 0;
	while (rc == 0 && txt_next_line(names, len, &off, &line)) {
		line = txt_trim(line);
		if (line.len == 0 || line.len >= sizeof(g.table))
			continue;
		memcpy(g.table, line.p, line.len);
		g.table[line.len] = '\0';
		rc = table_rows(&g);
	}
	free(names);
	return rc == -1 ? -1 : 0;
}

const struct table table_iptables = {
	.name = "iptables",
	.description = "Linux IP packet filtering and NAT tool.",
	.example = "SELECT filter_name, chain, target, protocol, dst_port, "
	    "src_ip FROM iptables WHERE filter_name = 'filter'",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = iptables_generate,
};

/*
 * Walking a legacy iptables table as the kernel hands it out.
 *
 * The entries are a packed chain of struct ipt_entry, each followed by
 * its matches and its target, linked by next_offset.  A built-in chain
 * starts at its hook's entry offset and ends with its policy at the
 * hook's underflow offset; a user chain starts with an ERROR target that
 * carries its name and ends with an unconditional RETURN; the table ends
 * with one more ERROR entry.  A jump to a user chain is a standard
 * target whose verdict is the offset of the chain's first rule.
 *
 * Nothing here believes an offset or a size before checking it against
 * the entry or the table it claims to lie in, every structure is copied
 * out with memcpy (the blob need not be aligned), and the whole table is
 * checked before the first row is reported.
 */
#include <sys/socket.h>

/* libc's in.h first: the kernel's headers then leave its types alone. */
#include <netinet/in.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/x_tables.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <linux/netfilter_ipv4/ip_tables.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iptables_parse.h"

#define HEADER_SIZE	(sizeof(struct ipt_getinfo) + \
			    sizeof(struct ipt_get_entries))
#define ENTRY_SIZE	sizeof(struct ipt_entry)
#define XMATCH_SIZE	sizeof(struct xt_entry_match)
#define XTARGET_SIZE	sizeof(struct xt_entry_target)

/* The table's entries and what GET_INFO said of them. */
struct table {
	struct ipt_getinfo	 info;
	const uint8_t		*ents;
	size_t			 size;
	size_t			 nentries;
};

/* One entry, checked: what its header and its target's say. */
struct entry {
	size_t			 off;
	const uint8_t		*p;
	struct ipt_ip		 ip;
	uint16_t		 target_offset;
	uint16_t		 next_offset;
	struct xt_counters	 counters;
	uint16_t		 target_size;
	char			 target_name[XT_EXTENSION_MAXNAMELEN];
};

/* Where a chain lies in the entries. */
struct chain_pos {
	size_t		 first;		/* first rule (or the policy) */
	size_t		 end;		/* the next chain's first entry */
	int		 hook;		/* NF_INET_*, or -1 for a user chain */
	char		 name[IPTP_NAME];
};

struct chains {
	struct chain_pos *v;
	size_t		  n;
};

static const char *const hook_names[NF_INET_NUMHOOKS] = {
	"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING",
};

/* ---- checking ---- */

static int
matches_check(const uint8_t *p, size_t target_offset)
{
	struct xt_entry_match m;
	size_t pos = ENTRY_SIZE;

	while (pos < target_offset) {
		if (target_offset - pos < XMATCH_SIZE)
			return -1;
		memcpy(&m, p + pos, sizeof(m));
		if (m.u.user.match_size < XMATCH_SIZE ||
		    m.u.user.match_size > target_offset - pos)
			return -1;
		pos += m.u.user.match_size;
	}
	return 0;
}

/* The entry at off, checked whole; -1 when it does not fit. */
static int
entry_at(const struct table *t, size_t off, struct entry *x)
{
	struct ipt_entry e;
	struct xt_entry_target tg;
	const uint8_t *p;

	if (off >= t->size || t->size - off < ENTRY_SIZE)
		return -1;
	p = t->ents + off;
	memcpy(&e, p, sizeof(e));
	if (e.next_offset < ENTRY_SIZE + XTARGET_SIZE ||
	    e.next_offset > t->size - off ||
	    e.target_offset < ENTRY_SIZE ||
	    e.target_offset > e.next_offset - XTARGET_SIZE)
		return -1;
	memcpy(&tg, p + e.target_offset, sizeof(tg));
	if (tg.u.user.target_size < XTARGET_SIZE ||
	    tg.u.user.target_size > (size_t)e.next_offset - e.target_offset)
		return -1;
	if (matches_check(p, e.target_offset) == -1)
		return -1;
	x->off = off;
	x->p = p;
	x->ip = e.ip;
	x->target_offset = e.target_offset;
	x->next_offset = e.next_offset;
	x->counters = e.counters;
	x->target_size = tg.u.user.target_size;
	memcpy(x->target_name, tg.u.user.name, sizeof(x->target_name));
	return 0;
}

static int
target_is(const struct entry *x, const char *name)
{
	return strncmp(x->target_name, name, sizeof(x->target_name)) == 0;
}

/* The verdict of a standard target; 0 when the entry has none. */
static int
standard_verdict(const struct entry *x, int *verdict)
{
	if (!target_is(x, XT_STANDARD_TARGET) ||
	    x->target_size < sizeof(struct xt_standard_target))
		return 0;
	memcpy(verdict, x->p + x->target_offset + XTARGET_SIZE,
	    sizeof(*verdict));
	return 1;
}

/* A user chain's name from its ERROR head. */
static void
error_name(const struct entry *x, char *out, size_t outlen)
{
	size_t room = x->target_size - XTARGET_SIZE, n;
	const char *s = (const char *)x->p + x->target_offset + XTARGET_SIZE;

	if (room > XT_FUNCTION_MAXNAMELEN)
		room = XT_FUNCTION_MAXNAMELEN;
	n = strnlen(s, room);
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

static int
hook_valid(const struct table *t, int h)
{
	return (t->info.valid_hooks & (1u << h)) != 0;
}

/* The built-in chain starting at off, or -1. */
static int
hook_starting_at(const struct table *t, size_t off)
{
	int h;

	for (h = 0; h < NF_INET_NUMHOOKS; h++)
		if (hook_valid(t, h) && t->info.hook_entry[h] == off)
			return h;
	return -1;
}

static int
is_user_head(const struct table *t, const struct entry *x)
{
	return target_is(x, XT_ERROR_TARGET) &&
	    x->off + x->next_offset < t->size;
}

/*
 * Every entry fits, they tile the table exactly, the count is the one
 * GET_INFO gave, the last is the closing ERROR entry and every hook
 * offset of a valid hook is an entry's.  Counts the chains on the way.
 */
static int
table_check(struct table *t, size_t *nchains)
{
	struct entry x;
	unsigned int seen = 0, want = 0;
	size_t off = 0;
	int h;

	*nchains = 0;
	t->nentries = 0;
	memset(&x, 0, sizeof(x));
	while (off < t->size) {
		if (entry_at(t, off, &x) == -1)
			return -1;
		for (h = 0; h < NF_INET_NUMHOOKS; h++) {
			if (t->info.hook_entry[h] == off)
				seen |= 1u << h;
			if (t->info.underflow[h] == off)
				seen |= 1u << (h + NF_INET_NUMHOOKS);
		}
		if (hook_starting_at(t, off) != -1 || is_user_head(t, &x))
			(*nchains)++;
		t->nentries++;
		off += x.next_offset;
	}
	for (h = 0; h < NF_INET_NUMHOOKS; h++)
		if (hook_valid(t, h))
			want |= (1u << h) | (1u << (h + NF_INET_NUMHOOKS));
	if (t->nentries == 0 || t->nentries != t->info.num_entries ||
	    !target_is(&x, XT_ERROR_TARGET) || (seen & want) != want)
		return -1;
	return 0;
}

/* ---- chains ---- */

static void
chain_start(struct chains *c, size_t first, int hook, const char *name)
{
	struct chain_pos *cp = &c->v[c->n++];

	cp->first = first;
	cp->end = first;
	cp->hook = hook;
	snprintf(cp->name, sizeof(cp->name), "%s", name);
}

/* Where each chain starts and ends, in the table's order. */
static void
chains_find(const struct table *t, struct chains *c)
{
	struct entry x;
	char name[IPTP_NAME];
	size_t off = 0;
	int h;

	/* A chain ends where the next begins; the last ends at the closing
	 * ERROR entry, the last one visited. */
	c->n = 0;
	while (off < t->size) {
		(void)entry_at(t, off, &x);	/* checked already */
		if (c->n > 0)
			c->v[c->n - 1].end = off;
		if ((h = hook_starting_at(t, off)) != -1) {
			chain_start(c, off, h, hook_names[h]);
		} else if (is_user_head(t, &x)) {
			error_name(&x, name, sizeof(name));
			chain_start(c, off + x.next_offset, -1, name);
		}
		off += x.next_offset;
	}
}

/* Each built-in chain's policy must lie inside the chain. */
static int
chains_check(const struct table *t, const struct chains *c)
{
	const struct chain_pos *cp;
	size_t i, u;

	for (i = 0; i < c->n; i++) {
		cp = &c->v[i];
		if (cp->end < cp->first)
			return -1;
		if (cp->hook < 0)
			continue;
		u = t->info.underflow[cp->hook];
		if (u < cp->first || u >= cp->end)
			return -1;
	}
	return 0;
}

/* The user chain whose first rule is at off, by binary search (chains
 * are in offset order); NULL when none. */
static const struct chain_pos *
chain_at(const struct chains *c, size_t off)
{
	size_t lo = 0, hi = c->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->v[mid].first == off)
			return &c->v[mid];
		if (c->v[mid].first < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- text ---- */

static const char *
verdict_name(int verdict)
{
	switch (verdict) {
	case -NF_DROP - 1:
		return "DROP";
	case -NF_ACCEPT - 1:
		return "ACCEPT";
	case -NF_QUEUE - 1:
		return "QUEUE";
	case XT_RETURN:
		return "RETURN";
	}
	return "UNKNOWN";
}

/* A rule's target as iptables names it. */
static void
target_text(const struct chains *c, const struct entry *x, char *out,
    size_t outlen)
{
	const struct chain_pos *to;
	int verdict;

	if (!standard_verdict(x, &verdict)) {
		snprintf(out, outlen, "%.*s",
		    (int)strnlen(x->target_name, sizeof(x->target_name)),
		    x->target_name);
		return;
	}
	if (verdict < 0)
		snprintf(out, outlen, "%s", verdict_name(verdict));
	else if ((size_t)verdict == x->off + x->next_offset)
		out[0] = '\0';		/* falls through to the next rule */
	else if ((to = chain_at(c, (size_t)verdict)) != NULL)
		snprintf(out, outlen, "%s", to->name);
	else
		snprintf(out, outlen, "UNKNOWN");
}

static void
addr_text(const struct in_addr *a, int inverted, char *out, size_t outlen)
{
	char ip[INET_ADDRSTRLEN];

	if (inet_ntop(AF_INET, a, ip, sizeof(ip)) == NULL)
		ip[0] = '\0';
	snprintf(out, outlen, "%s%s", inverted ? "!" : "", ip);
}

static void
iface_text(const char name[IFNAMSIZ], int inverted, char *out,
    size_t outlen)
{
	size_t n = strnlen(name, IFNAMSIZ);

	if (n == 0)
		snprintf(out, outlen, "all");
	else
		snprintf(out, outlen, "%s%.*s", inverted ? "!" : "", (int)n,
		    name);
}

static void
ifmask_text(const unsigned char mask[IFNAMSIZ], char *out, size_t outlen)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i, n = 0;

	for (i = 0; i < IFNAMSIZ && mask[i] != 0 && n + 2 < outlen; i++) {
		out[n++] = hex[mask[i] >> 4];
		out[n++] = hex[mask[i] & 0xf];
	}
	out[n] = '\0';
}

static int
match_is(const struct xt_entry_match *m, const char *name)
{
	return strncmp(m->u.user.name, name, sizeof(m->u.user.name)) == 0;
}

static void
ports_text(const uint16_t pts[2], int inverted, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s%u:%u", inverted ? "!" : "",
	    (unsigned int)pts[0], (unsigned int)pts[1]);
}

/* The ports of the rule's first tcp or udp match. */
static void
rule_ports(const struct entry *x, struct iptp_rule *r)
{
	struct xt_entry_match m;
	struct xt_tcp tcp;
	struct xt_udp udp;
	const uint8_t *data;
	size_t pos = ENTRY_SIZE, room;

	for (; pos < x->target_offset; pos += m.u.user.match_size) {
		memcpy(&m, x->p + pos, sizeof(m));
		r->has_match = 1;
		data = x->p + pos + XMATCH_SIZE;
		room = m.u.user.match_size - XMATCH_SIZE;
		if (r->has_ports)
			continue;
		if (match_is(&m, "tcp") && room >= sizeof(tcp)) {
			memcpy(&tcp, data, sizeof(tcp));
			ports_text(tcp.spts, tcp.invflags & XT_TCP_INV_SRCPT,
			    r->src_port, sizeof(r->src_port));
			ports_text(tcp.dpts, tcp.invflags & XT_TCP_INV_DSTPT,
			    r->dst_port, sizeof(r->dst_port));
			r->has_ports = 1;
		} else if (match_is(&m, "udp") && room >= sizeof(udp)) {
			memcpy(&udp, data, sizeof(udp));
			ports_text(udp.spts, udp.invflags & XT_UDP_INV_SRCPT,
			    r->src_port, sizeof(r->src_port));
			ports_text(udp.dpts, udp.invflags & XT_UDP_INV_DSTPT,
			    r->dst_port, sizeof(r->dst_port));
			r->has_ports = 1;
		}
	}
}

static void
rule_make(const struct chains *c, const struct entry *x,
    const struct iptp_chain *chain, struct iptp_rule *r)
{
	const struct ipt_ip *ip = &x->ip;

	memset(r, 0, sizeof(*r));
	r->chain = chain;
	target_text(c, x, r->target, sizeof(r->target));
	r->protocol = ip->proto;
	r->protocol_inverted = (ip->invflags & IPT_INV_PROTO) != 0;
	rule_ports(x, r);
	addr_text(&ip->src, ip->invflags & IPT_INV_SRCIP, r->src_ip,
	    sizeof(r->src_ip));
	addr_text(&ip->smsk, 0, r->src_mask, sizeof(r->src_mask));
	addr_text(&ip->dst, ip->invflags & IPT_INV_DSTIP, r->dst_ip,
	    sizeof(r->dst_ip));
	addr_text(&ip->dmsk, 0, r->dst_mask, sizeof(r->dst_mask));
	iface_text(ip->iniface, ip->invflags & IPT_INV_VIA_IN, r->iniface,
	    sizeof(r->iniface));
	ifmask_text(ip->iniface_mask, r->iniface_mask,
	    sizeof(r->iniface_mask));
	iface_text(ip->outiface, ip->invflags & IPT_INV_VIA_OUT, r->outiface,
	    sizeof(r->outiface));
	ifmask_text(ip->outiface_mask, r->outiface_mask,
	    sizeof(r->outiface_mask));
	r->packets = x->counters.pcnt;
	r->bytes = x->counters.bcnt;
}

/* ---- the walk ---- */

static void
chain_make(const struct table *t, const struct chains *c,
    const struct chain_pos *cp, struct iptp_chain *chain)
{
	struct entry x;
	int verdict;

	memset(&x, 0, sizeof(x));
	memset(chain, 0, sizeof(*chain));
	snprintf(chain->name, sizeof(chain->name), "%s", cp->name);
	if (cp->hook < 0)
		return;
	(void)entry_at(t, t->info.underflow[cp->hook], &x);
	if (standard_verdict(&x, &verdict) && verdict < 0)
		snprintf(chain->policy, sizeof(chain->policy), "%s",
		    verdict_name(verdict));
	else
		target_text(c, &x, chain->policy, sizeof(chain->policy));
	chain->packets = x.counters.pcnt;
	chain->bytes = x.counters.bcnt;
}

/* Is x the RETURN that closes a user chain rather than one of its rules? */
static int
is_chain_return(const struct chain_pos *cp, const struct entry *x)
{
	int verdict;

	return cp->hook < 0 && x->off + x->next_offset == cp->end &&
	    standard_verdict(x, &verdict) && verdict == XT_RETURN;
}

static int
chain_walk(const struct table *t, const struct chains *c,
    const struct chain_pos *cp, iptp_rule_fn rule_fn,
    iptp_chain_fn chain_fn, void *arg)
{
	struct iptp_chain chain;
	struct iptp_rule r;
	struct entry x;
	size_t off;
	int rc;

	chain_make(t, c, cp, &chain);
	for (off = cp->first; off < cp->end; off += x.next_offset) {
		(void)entry_at(t, off, &x);
		if ((cp->hook >= 0 && off == t->info.underflow[cp->hook]) ||
		    is_chain_return(cp, &x))
			continue;
		rule_make(c, &x, &chain, &r);
		if ((rc = rule_fn(arg, &r)) != 0)
			return rc;
	}
	return chain_fn(arg, &chain);
}

static int
table_open(const void *blob, size_t len, struct table *t)
{
	struct ipt_get_entries ge;

	if (blob == NULL || len < HEADER_SIZE)
		return -1;
	memcpy(&t->info, blob, sizeof(t->info));
	memcpy(&ge, (const uint8_t *)blob + sizeof(t->info), sizeof(ge));
	if (ge.size != t->info.size || len - HEADER_SIZE != ge.size)
		return -1;
	t->ents = (const uint8_t *)blob + HEADER_SIZE;
	t->size = ge.size;
	return 0;
}

int
iptp_walk(const void *blob, size_t len, iptp_rule_fn rule_fn,
    iptp_chain_fn chain_fn, void *arg)
{
	struct table t;
	struct chains c;
	size_t i, nchains;
	int rc = 0;

	if (table_open(blob, len, &t) == -1 ||
	    table_check(&t, &nchains) == -1)
		return -EBADMSG;
	if ((c.v = calloc(nchains > 0 ? nchains : 1, sizeof(*c.v))) == NULL)
		return -ENOMEM;
	chains_find(&t, &c);
	if (chains_check(&t, &c) == -1)
		rc = -EBADMSG;
	for (i = 0; rc == 0 && i < c.n; i++)
		rc = chain_walk(&t, &c, &c.v[i], rule_fn, chain_fn, arg);
	free(c.v);
	return rc;
}

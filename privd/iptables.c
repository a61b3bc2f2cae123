/*
 * IPTABLES_DUMP: one legacy iptables table as the kernel describes it,
 * for the iptables table.  privd asks with the two getsockopt calls
 * iptables-save makes (GET_INFO for the size, GET_ENTRIES for the rules)
 * on a raw socket of its own and sends both answers back unparsed; the
 * worker walks the rules.
 */
#include <sys/socket.h>

/* libc's in.h first: the kernel's headers then leave its types alone. */
#include <netinet/in.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "privd.h"

/* The rules of a table that big are not something to hold in memory. */
#define IPT_MAX_ENTRIES_SIZE	(16u << 20)

/* The IPv4 and IPv6 structures share their layout up to the entries;
 * the options differ. */
struct ipt_sockopts {
	int	level, get_info, get_entries;
};

static int
ask_table(int s, const struct ipt_sockopts *o, const char *name,
    char **blob, size_t *len)
{
	struct ipt_getinfo info;
	struct ipt_get_entries *entries;
	socklen_t n = sizeof(info);
	int err = 0;

	memset(&info, 0, sizeof(info));
	strncpy(info.name, name, sizeof(info.name) - 1);
	if (getsockopt(s, o->level, o->get_info, &info, &n) == -1)
		return errno;
	if (info.size > IPT_MAX_ENTRIES_SIZE)
		return EFBIG;
	/* The entries in a buffer of their own, aligned as the kernel's
	 * structures need; then both answers side by side for the
	 * worker. */
	if ((entries = calloc(1, sizeof(*entries) + info.size)) == NULL)
		return ENOMEM;
	memcpy(entries->name, info.name, sizeof(entries->name));
	entries->size = info.size;
	n = (socklen_t)(sizeof(*entries) + info.size);
	if (getsockopt(s, o->level, o->get_entries, entries, &n) == -1)
		err = errno;
	else if ((*blob = malloc(sizeof(info) + (size_t)n)) == NULL)
		err = ENOMEM;
	else {
		memcpy(*blob, &info, sizeof(info));
		memcpy(*blob + sizeof(info), entries, (size_t)n);
		*len = sizeof(info) + (size_t)n;
	}
	free(entries);
	return err;
}

static int
dump_table(int family, const char *name, char **blob, size_t *len)
{
	static const struct ipt_sockopts v4 = {
		IPPROTO_IP, IPT_SO_GET_INFO, IPT_SO_GET_ENTRIES
	}, v6 = {
		IPPROTO_IPV6, IP6T_SO_GET_INFO, IP6T_SO_GET_ENTRIES
	};
	int s, err;

	if ((s = socket(family, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW)) == -1)
		return errno;
	err = ask_table(s, family == AF_INET ? &v4 : &v6, name, blob, len);
	close(s);
	return err;
}

int
serve_iptables_dump(struct child *c, const struct msg *m)
{
	struct rd r;
	uint8_t family, table;
	char *blob = NULL;
	size_t len = 0;
	int err;

	rd_init(&r, m->payload, m->hdr.len);
	if (rd_u8(&r, &family) == -1 || rd_u8(&r, &table) == -1 ||
	    rd_end(&r) == -1 || table >= IPT_TABLE_MAX ||
	    (family != AF_INET && family != AF_INET6))
		return -1;
	if (!(policy_iptables_tables(c->pd->policy) & (1u << table))) {
		refuse_log(c, m, ipt_table_name(table),
		    "not allowed by the policy");
		reply_end(c, m->hdr.id, EACCES, 0);
		return 0;
	}
	err = dump_table(family, ipt_table_name(table), &blob, &len);
	if (err == 0 && reply_data(c, m->hdr.id, blob, len) == -1) {
		free(blob);
		return 0;
	}
	free(blob);
	reply_end(c, m->hdr.id, err, len);
	return 0;
}

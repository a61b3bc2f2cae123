/*
 * The rules of one legacy iptables table, from the bytes privd's
 * IPTABLES_DUMP returns: the kernel's struct ipt_getinfo directly
 * followed by struct ipt_get_entries and its chain of struct ipt_entry
 * (see worker/collect.h).  Pure: the whole blob is checked (every
 * entry, match and target inside its entry, every entry inside the
 * table, the hook offsets on entry boundaries) before anything is
 * reported, so a bad blob gives no rows rather than wrong ones.
 *
 * The rows are osquery's: one per rule, then one per chain, in the
 * table's order.  Text is as osquery formats it: addresses dotted, a '!'
 * before an inverted address, interface or protocol, ports as "lo:hi",
 * interface masks as upper-case hex up to their first zero byte.
 */
#ifndef HOSTQL_TABLES_IPTABLES_PARSE_H
#define HOSTQL_TABLES_IPTABLES_PARSE_H

#include <stddef.h>
#include <stdint.h>

/* Room for the texts below, with their NUL. */
#define IPTP_NAME	32	/* chain and target names (the kernel's 30
				 * and 29, and "UNKNOWN") */
#define IPTP_ADDR	20	/* "!255.255.255.255" */
#define IPTP_PORTS	16	/* "!65535:65535" */
#define IPTP_IFACE	20	/* "!" and IFNAMSIZ - 1 bytes */
#define IPTP_IFMASK	34	/* two hex digits a byte of IFNAMSIZ */

/* A chain: its name, and for a built-in chain its policy and the
 * policy's counters (user chains have policy "" and zero counters). */
struct iptp_chain {
	char		name[IPTP_NAME];
	char		policy[IPTP_NAME];
	uint64_t	packets;
	uint64_t	bytes;
};

/* One rule of a chain. */
struct iptp_rule {
	const struct iptp_chain *chain;
	/* A built-in verdict, a user chain jumped to, an extension's name,
	 * or "" when the rule has no target and falls through. */
	char		target[IPTP_NAME];
	unsigned int	protocol;
	int		protocol_inverted;
	int		has_match;	/* any match extension */
	int		has_ports;	/* a tcp or udp match: the ports */
	char		src_port[IPTP_PORTS];
	char		dst_port[IPTP_PORTS];
	char		src_ip[IPTP_ADDR];
	char		src_mask[IPTP_ADDR];
	char		dst_ip[IPTP_ADDR];
	char		dst_mask[IPTP_ADDR];
	char		iniface[IPTP_IFACE];		/* "all" when any */
	char		iniface_mask[IPTP_IFMASK];
	char		outiface[IPTP_IFACE];
	char		outiface_mask[IPTP_IFMASK];
	uint64_t	packets;
	uint64_t	bytes;
};

/* Return 0 to go on; anything else stops the walk and is returned. */
typedef int (*iptp_rule_fn)(void *arg, const struct iptp_rule *);
typedef int (*iptp_chain_fn)(void *arg, const struct iptp_chain *);

/*
 * Walk the table: rule_fn once per rule of a chain, then chain_fn once
 * for the chain.  0 when done, -EBADMSG when the blob is malformed (then
 * nothing was reported), -ENOMEM, or what a callback returned.
 */
int	iptp_walk(const void *blob, size_t len, iptp_rule_fn rule_fn,
	    iptp_chain_fn chain_fn, void *arg);

#endif

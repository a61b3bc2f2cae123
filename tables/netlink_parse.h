/*
 * Parsers of the raw netlink replies privd forwards for NETLINK_DUMP:
 * sock_diag (inet and unix sockets) and rtnetlink (links, addresses,
 * routes).  Each is a pure function over one buffer of whole netlink
 * messages; it checks every length against the buffer before it reads,
 * and calls back once per object it understood.
 *
 * The walk returns NLP_DONE when it met NLMSG_DONE, NLP_MORE when the
 * buffer ended without it (the dump goes on in the next buffer), a
 * negative errno from the kernel's NLMSG_ERROR or from a failed dump, or
 * -EBADMSG when the bytes are not well-formed netlink.  A callback
 * returns 0 to go on, or a negative value that stops the walk and is
 * returned.
 */
#ifndef HOSTQL_TABLES_NETLINK_PARSE_H
#define HOSTQL_TABLES_NETLINK_PARSE_H

#include <stddef.h>
#include <stdint.h>

#define NLP_MORE	0
#define NLP_DONE	1

/* Longest text of an address (inet_ntop's INET6_ADDRSTRLEN). */
#define NLP_ADDRSTRLEN	46
/* Longest unix socket name we keep: sun_path, and its '@' prefix. */
#define NLP_UNIX_PATH	110
/* Longest interface name with its NUL (IFNAMSIZ). */
#define NLP_IFNAMSIZ	16

/* One socket as sock_diag describes it. */
struct nlp_sock {
	uint8_t		family;		/* AF_INET, AF_INET6, AF_UNIX */
	uint8_t		protocol;	/* the dump's protocol; 0 for unix */
	uint8_t		state;		/* kernel TCP_* state number */
	uint8_t		type;		/* unix: SOCK_STREAM ...; inet: 0 */
	uint64_t	inode;
	uint32_t	uid;		/* inet only */
	uint16_t	local_port;
	uint16_t	remote_port;
	uint8_t		local_addr[16];	/* 4 or 16 bytes used */
	uint8_t		remote_addr[16];
	/* unix: the bound name as /proc/net/unix shows it, abstract names
	 * with '@' for their NULs; empty when unnamed. */
	char		path[NLP_UNIX_PATH + 2];
};

/* One network interface (RTM_NEWLINK). */
struct nlp_link {
	int32_t		index;
	uint32_t	flags;		/* IFF_* */
	uint32_t	mtu;
	char		name[NLP_IFNAMSIZ];
};

/* One interface address (RTM_NEWADDR). */
struct nlp_addr {
	uint8_t		family;
	uint8_t		prefixlen;
	uint8_t		scope;
	uint32_t	flags;		/* IFA_F_*, from IFA_FLAGS if sent */
	int32_t		index;
	unsigned int	has_address:1, has_local:1, has_broadcast:1;
	uint8_t		address[16];	/* IFA_ADDRESS: peer on p-t-p */
	uint8_t		local[16];	/* IFA_LOCAL */
	uint8_t		broadcast[16];
	char		label[NLP_IFNAMSIZ];
};

/* One route (RTM_NEWROUTE). */
struct nlp_route {
	uint8_t		family;
	uint8_t		dst_len;
	uint8_t		type;		/* RTN_* */
	uint8_t		protocol;
	uint8_t		scope;
	uint32_t	flags;		/* rtm_flags */
	uint32_t	table;		/* RTA_TABLE, else rtm_table */
	int32_t		oif;		/* 0 when none */
	uint32_t	priority;
	uint32_t	mtu;		/* RTAX_MTU, 0 when none */
	uint32_t	hoplimit;	/* RTAX_HOPLIMIT, 0 when none */
	unsigned int	has_dst:1, has_gateway:1, has_prefsrc:1;
	uint8_t		dst[16];
	uint8_t		gateway[16];
	uint8_t		prefsrc[16];
};

/*
 * One attribute of a message (the rtattr layout, which nlattr shares):
 * its type without the nested and byte-order flags, and its payload.
 */
struct nlp_attr {
	uint16_t	 type;
	const uint8_t	*data;
	size_t		 len;
};

/* Netlink's 4-byte alignment of headers and attributes. */
#define NLP_ALIGN(n)	(((size_t)(n) + 3) & ~(size_t)3)

/* The next attribute of buf at *off (start at NLP_ALIGN of the message's
 * fixed header): 1 with *a filled and *off past it, 0 at the end, -1 when
 * the attribute does not fit in len. */
int	nlp_attr_next(const uint8_t *buf, size_t len, size_t *off,
	    struct nlp_attr *a);
/* A 32-bit attribute into *v: 1, or 0 (and *v untouched) when short. */
int	nlp_attr_u32(const struct nlp_attr *, uint32_t *v);
/* Copy a string attribute, which may or may not end in a NUL, cut to
 * outlen - 1 bytes and NUL-terminated. */
void	nlp_attr_string(const struct nlp_attr *, char *out, size_t outlen);
/* The size of an address of family: 4, 16, or 0 for another family. */
size_t	nlp_family_addr_len(int family);

typedef int (*nlp_sock_fn)(void *arg, const struct nlp_sock *);
typedef int (*nlp_link_fn)(void *arg, const struct nlp_link *);
typedef int (*nlp_addr_fn)(void *arg, const struct nlp_addr *);
typedef int (*nlp_route_fn)(void *arg, const struct nlp_route *);

/* Generic walk: fn gets each message that is not DONE/ERROR/NOOP. */
typedef int (*nlp_msg_fn)(void *arg, uint16_t type, const uint8_t *payload,
    size_t len);
int	nlp_walk(const void *buf, size_t len, nlp_msg_fn, void *arg);

/* sock_diag replies; protocol is the one the dump asked for (inet
 * replies do not carry it). */
int	nlp_sock_diag(const void *buf, size_t len, int protocol,
	    nlp_sock_fn, void *arg);
int	nlp_links(const void *buf, size_t len, nlp_link_fn, void *arg);
int	nlp_addrs(const void *buf, size_t len, nlp_addr_fn, void *arg);
int	nlp_routes(const void *buf, size_t len, nlp_route_fn, void *arg);

/* Text of a 4- or 16-byte address; "" for another family. */
void	nlp_addr_text(int family, const uint8_t *addr, char *out,
	    size_t outlen);
/* The netmask of a prefix length as text: dotted for AF_INET,
 * "ffff:ffff::" style for AF_INET6. */
void	nlp_mask_text(int family, unsigned int prefixlen, char *out,
	    size_t outlen);
/* osquery's name of a TCP state ("ESTABLISHED", ... "UNKNOWN"). */
const char *nlp_tcp_state_name(unsigned int state);

#endif

/*
 * The walk both socket tables share: which process holds which socket
 * (PROC_FDS), then the sock_diag
 * dumps of TCP and UDP over IPv4 and IPv6 and of unix sockets, each
 * socket handed over once per holder.
 */
#ifndef HOSTQL_TABLES_SOCKET_SCAN_H
#define HOSTQL_TABLES_SOCKET_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "netlink_parse.h"
#include "sock_owners.h"
#include "table.h"

/*
 * owner is NULL for a socket no process (that privd could see) holds;
 * netns is the inode of the network namespace the sockets were dumped
 * in, or 0 when unknown or not asked for.
 * Return 0 to go on, a negative errno to stop the scan.
 */
typedef int (*socket_row_fn)(void *arg, const struct nlp_sock *,
    const struct sock_owner *owner, uint64_t netns);

struct socket_scan_opts {
	const int32_t	*pids;		/* the pids to read, or NULL */
	size_t		 npids;		/* 0: every process */
	int		 only_owned;	/* drop sockets no listed pid holds */
	int		 want_netns;	/* find the namespace's inode */
};

/*
 * Is this socket waiting for peers: a TCP socket in LISTEN, a UDP socket
 * bound to a port and connected to none, a named unix socket in LISTEN
 * or an unconnected named unix datagram socket.  ss -l shows the same.
 */
int	socket_is_listening(const struct nlp_sock *);

/* 0, or -1 after gen_error() when the query cannot go on. */
int	socket_scan(struct gen_ctx *, const struct socket_scan_opts *,
	    socket_row_fn, void *arg);

#endif

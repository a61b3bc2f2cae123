/*
 * listening_ports: the sockets that wait for peers, and who holds them.
 *
 * osquery derives this table from process_open_sockets; so does hostql,
 * with what ss -l calls listening: TCP in LISTEN, UDP bound and not
 * connected, named unix sockets in LISTEN (or unconnected datagram).
 * A unix socket's row has port 0, its path and its inode.
 */
#include <sys/socket.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>

#include "socket_scan.h"
#include "table.h"

enum {
	C_PID, C_PORT, C_PROTOCOL, C_FAMILY, C_ADDRESS, C_FD, C_SOCKET,
	C_PATH, C_NET_NAMESPACE,
};

static const struct column columns[] = {
	[C_PID] = { "pid", COL_INTEGER, 0, NULL,
	    "Process (or thread) ID" },
	[C_PORT] = { "port", COL_INTEGER, 0, NULL,
	    "Transport layer port" },
	[C_PROTOCOL] = { "protocol", COL_INTEGER, 0, NULL,
	    "Transport protocol (TCP/UDP)" },
	[C_FAMILY] = { "family", COL_INTEGER, 0, NULL,
	    "Network protocol (IPv4, IPv6)" },
	[C_ADDRESS] = { "address", COL_TEXT, 0, NULL,
	    "Specific address for bind" },
	[C_FD] = { "fd", COL_BIGINT, 0, NULL,
	    "Socket file descriptor number" },
	[C_SOCKET] = { "socket", COL_BIGINT, 0, NULL,
	    "Socket handle or inode number" },
	[C_PATH] = { "path", COL_TEXT, 0, NULL,
	    "Path for UNIX domain sockets" },
	[C_NET_NAMESPACE] = { "net_namespace", COL_TEXT, 0, NULL,
	    "The inode number of the network namespace" },
};

static int
listening_row(void *arg, const struct nlp_sock *s,
    const struct sock_owner *o, uint64_t ns)
{
	struct gen_ctx *ctx = arg;
	char buf[NLP_ADDRSTRLEN];

	if (!socket_is_listening(s))
		return 0;
	row_begin(ctx);
	row_int(ctx, C_PID, o != NULL ? o->pid : -1);
	row_int(ctx, C_PROTOCOL, s->protocol);
	row_int(ctx, C_FAMILY, s->family);
	row_int(ctx, C_FD, o != NULL ? (int64_t)o->fd : -1);
	row_int(ctx, C_SOCKET, (int64_t)s->inode);
	if (s->family == AF_UNIX) {
		row_int(ctx, C_PORT, 0);
		row_text(ctx, C_PATH, s->path);
	} else {
		row_int(ctx, C_PORT, s->local_port);
		nlp_addr_text(s->family, s->local_addr, buf, sizeof(buf));
		row_text(ctx, C_ADDRESS, buf);
	}
	if (ns != 0) {
		snprintf(buf, sizeof(buf), "%" PRIu64, ns);
		row_text(ctx, C_NET_NAMESPACE, buf);
	}
	return row_end(ctx) == 0 ? 0 : -ENOMEM;
}

static int
listening_generate(struct gen_ctx *ctx)
{
	struct socket_scan_opts opts = { 0 };

	opts.want_netns = gen_used(ctx, C_NET_NAMESPACE);
	return socket_scan(ctx, &opts, listening_row, ctx);
}

const struct table table_listening_ports = {
	.name = "listening_ports",
	.description = "Processes with listening (bound) network "
	    "sockets/ports.",
	.example = "SELECT pid, address, port, protocol FROM listening_ports "
	    "WHERE family IN (2, 10)",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = listening_generate,
};

/*
 * process_open_sockets: every TCP, UDP and unix socket a process holds,
 * from sock_diag joined with the socket:[inode] links of /proc/<pid>/fd.
 *
 * As osquery does, a socket no process holds is shown with pid and fd
 * -1 unless the query asks for given pids; unlike osquery, a socket held
 * by several processes has a row for each of them.  Only the network
 * namespace privd runs in is dumped.
 */
#include <sys/socket.h>

#include <netinet/in.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "socket_scan.h"
#include "table.h"

enum {
	C_PID, C_FD, C_SOCKET, C_FAMILY, C_PROTOCOL, C_LOCAL_ADDRESS,
	C_REMOTE_ADDRESS, C_LOCAL_PORT, C_REMOTE_PORT, C_PATH, C_STATE,
	C_NET_NAMESPACE,
};

static const struct column columns[] = {
	[C_PID] = { "pid", COL_INTEGER, COL_ADDITIONAL, NULL,
	    "Process (or thread) ID" },
	[C_FD] = { "fd", COL_BIGINT, 0, NULL,
	    "Socket file descriptor number" },
	[C_SOCKET] = { "socket", COL_BIGINT, 0, NULL,
	    "Socket handle or inode number" },
	[C_FAMILY] = { "family", COL_INTEGER, 0, NULL,
	    "Network protocol (IPv4, IPv6)" },
	[C_PROTOCOL] = { "protocol", COL_INTEGER, 0, NULL,
	    "Transport protocol (TCP/UDP)" },
	[C_LOCAL_ADDRESS] = { "local_address", COL_TEXT, 0, NULL,
	    "Socket local address" },
	[C_REMOTE_ADDRESS] = { "remote_address", COL_TEXT, 0, NULL,
	    "Socket remote address" },
	[C_LOCAL_PORT] = { "local_port", COL_INTEGER, 0, NULL,
	    "Socket local port" },
	[C_REMOTE_PORT] = { "remote_port", COL_INTEGER, 0, NULL,
	    "Socket remote port" },
	[C_PATH] = { "path", COL_TEXT, 0, NULL,
	    "For UNIX sockets (family=AF_UNIX), the domain path" },
	[C_STATE] = { "state", COL_TEXT, 0, NULL,
	    "TCP socket state" },
	[C_NET_NAMESPACE] = { "net_namespace", COL_TEXT, 0, NULL,
	    "The inode number of the network namespace" },
};

static void
row_netns(struct gen_ctx *ctx, int col, uint64_t ns)
{
	char buf[24];

	if (ns == 0)
		return;
	snprintf(buf, sizeof(buf), "%" PRIu64, ns);
	row_text(ctx, col, buf);
}

static int
open_socket_row(void *arg, const struct nlp_sock *s,
    const struct sock_owner *o, uint64_t ns)
{
	struct gen_ctx *ctx = arg;
	char addr[NLP_ADDRSTRLEN];

	row_begin(ctx);
	row_int(ctx, C_PID, o != NULL ? o->pid : -1);
	row_int(ctx, C_FD, o != NULL ? (int64_t)o->fd : -1);
	row_int(ctx, C_SOCKET, (int64_t)s->inode);
	row_int(ctx, C_FAMILY, s->family);
	row_int(ctx, C_PROTOCOL, s->protocol);
	/* osquery leaves the columns that do not apply empty, not NULL. */
	if (s->family == AF_UNIX) {
		row_text(ctx, C_LOCAL_ADDRESS, "");
		row_text(ctx, C_REMOTE_ADDRESS, "");
		row_int(ctx, C_LOCAL_PORT, 0);
		row_int(ctx, C_REMOTE_PORT, 0);
		row_text(ctx, C_PATH, s->path);
		row_text(ctx, C_STATE, "");
	} else {
		nlp_addr_text(s->family, s->local_addr, addr, sizeof(addr));
		row_text(ctx, C_LOCAL_ADDRESS, addr);
		nlp_addr_text(s->family, s->remote_addr, addr, sizeof(addr));
		row_text(ctx, C_REMOTE_ADDRESS, addr);
		row_int(ctx, C_LOCAL_PORT, s->local_port);
		row_int(ctx, C_REMOTE_PORT, s->remote_port);
		row_text(ctx, C_PATH, "");
		row_text(ctx, C_STATE, s->protocol == IPPROTO_TCP ?
		    nlp_tcp_state_name(s->state) : "");
	}
	row_netns(ctx, C_NET_NAMESPACE, ns);
	return row_end(ctx) == 0 ? 0 : -ENOMEM;
}

static int
pid_cmp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sort the pids and drop repeats, so no process is read twice. */
static size_t
pid_unique(int32_t *pids, size_t n)
{
	size_t i, k = 0;

	qsort(pids, n, sizeof(*pids), pid_cmp);
	for (i = 0; i < n; i++)
		if (k == 0 || pids[k - 1] != pids[i])
			pids[k++] = pids[i];
	return k;
}

/* The pids of "pid = X" / "pid IN (...)"; pid -1 (sockets nobody holds)
 * means no filter, as in osquery. */
static int
pid_filter(struct gen_ctx *ctx, int32_t **pids, size_t *npids)
{
	int n = gen_count(ctx, C_PID, GEN_EQ), i;
	int64_t v;
	size_t k = 0;

	*pids = NULL;
	*npids = 0;
	if (n <= 0)
		return 0;
	if ((*pids = calloc((size_t)n, sizeof(**pids))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		v = gen_int(ctx, C_PID, GEN_EQ, i);
		if (v == -1) {
			free(*pids);
			*pids = NULL;
			return 0;
		}
		if (v > 0 && v <= INT32_MAX)
			(*pids)[k++] = (int32_t)v;
	}
	*npids = k > 0 ? pid_unique(*pids, k) : 0;
	return 0;
}

static int
open_sockets_generate(struct gen_ctx *ctx)
{
	struct socket_scan_opts opts = { 0 };
	int32_t *pids;
	size_t npids;
	int rc;

	if (pid_filter(ctx, &pids, &npids) == -1) {
		gen_error(ctx, "out of memory");
		return -1;
	}
	/* Only impossible pids asked for: nothing to read. */
	if (pids != NULL && npids == 0) {
		free(pids);
		return 0;
	}
	opts.pids = pids;
	opts.npids = npids;
	opts.only_owned = pids != NULL;
	opts.want_netns = gen_used(ctx, C_NET_NAMESPACE);
	rc = socket_scan(ctx, &opts, open_socket_row, ctx);
	free(pids);
	return rc;
}

const struct table table_process_open_sockets = {
	.name = "process_open_sockets",
	.description = "Processes which have open network sockets on the "
	    "system.",
	.example = "SELECT pid, local_address, local_port, remote_address, "
	    "remote_port, state FROM process_open_sockets WHERE family = 2",
	.columns = columns,
	.ncolumns = NCOLUMNS(columns),
	.generate = open_sockets_generate,
};

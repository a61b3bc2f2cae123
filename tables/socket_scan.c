/*
 * The shared walk of listening_ports and process_open_sockets.
 *
 * Holders are read first and indexed by inode, so each socket of the
 * dumps costs one binary search, however many processes and sockets the
 * host has.  The dumps are parsed as their buffers arrive and rows are
 * produced at once; nothing of a dump is kept.
 */
#include <sys/socket.h>

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nldump.h"
#include "socket_scan.h"

struct scan {
	struct gen_ctx		*ctx;
	const struct socket_scan_opts *opts;
	socket_row_fn		 fn;
	void			*arg;
	struct sock_owners	 owners;
	uint64_t		 netns;
	size_t			 bad_fds;	/* malformed PROC_FDS blobs */
	int			 nomem;
	/* Of the dump under way. */
	int			 protocol;
	struct nldump		 dump;
};

static int
scan_proc_file(void *arg, int32_t pid, unsigned int kind, int err,
    const char *data, size_t len)
{
	struct scan *s = arg;
	uint64_t ns;
	int rc;

	/* A process that ended or that privd may not look into simply
	 * holds nothing we can show. */
	if (err != 0)
		return 0;
	if (kind == PROC_FDS) {
		rc = sock_owners_add_fds(&s->owners, pid, data, len);
		if (rc == -EBADMSG)
			s->bad_fds++;
		else if (rc == -ENOMEM) {
			s->nomem = 1;
			return 1;
		}
	} else if (kind == PROC_NS) {
		if (proc_ns_inode(data, len, "net", &ns) == 0)
			s->netns = ns;
	}
	return 0;
}

/* PROC_READ takes at most IPC_MAX_PIDS pids at a time. */
static int
scan_read_owners(struct scan *s)
{
	const struct socket_scan_opts *o = s->opts;
	struct collect *c = gen_collect(s->ctx);
	uint32_t kinds = PROC_KIND_BIT(PROC_FDS);
	size_t i, n;
	int rc;

	if (o->npids == 0)
		rc = collect_proc_read(c, NULL, 0, kinds, scan_proc_file, s);
	else {
		rc = 0;
		for (i = 0; i < o->npids && rc == 0 && !s->nomem; i += n) {
			n = o->npids - i;
			if (n > IPC_MAX_PIDS)
				n = IPC_MAX_PIDS;
			rc = collect_proc_read(c, o->pids + i, n, kinds,
			    scan_proc_file, s);
		}
	}
	if (s->nomem) {
		gen_error(s->ctx, "out of memory reading socket holders");
		return -1;
	}
	if (rc != 0)
		gen_warn(s->ctx, "cannot read process descriptors: %s",
		    strerror(-rc));
	if (s->bad_fds > 0)
		gen_warn(s->ctx, "%zu malformed descriptor lists skipped",
		    s->bad_fds);
	sock_owners_sort(&s->owners);
	return 0;
}

/*
 * The dumps run in privd's network namespace, so that is the namespace
 * of every socket they return, whoever holds it (osquery too shows the
 * namespace whose socket list it read).  privd is the worker's parent;
 * its ns links are one small read, where those of every holder would
 * double the cost of the query.
 */
static void
scan_read_netns(struct scan *s)
{
	int32_t privd = (int32_t)getppid();

	if (privd > 1)
		(void)collect_proc_read(gen_collect(s->ctx), &privd, 1,
		    PROC_KIND_BIT(PROC_NS), scan_proc_file, s);
}

static int
scan_socket(void *arg, const struct nlp_sock *sk)
{
	struct scan *s = arg;
	const struct sock_owner *o;
	size_t n, i;
	int rc;

	o = sock_owners_find(&s->owners, sk->inode, &n);
	if (n == 0) {
		if (s->opts->only_owned)
			return 0;
		rc = s->fn(s->arg, sk, NULL, s->netns);
		if (rc != 0)
			s->dump.row_err = rc;
		return rc;
	}
	for (i = 0; i < n; i++) {
		rc = s->fn(s->arg, sk, &o[i], s->netns);
		if (rc != 0) {
			s->dump.row_err = rc;
			return rc;
		}
	}
	return 0;
}

static int
scan_buffer(void *arg, const void *buf, size_t len)
{
	struct scan *s = arg;

	if (nldump_wants(&s->dump))
		nldump_note(&s->dump,
		    nlp_sock_diag(buf, len, s->protocol, scan_socket, s));
	return 0;
}

static const char *
dump_name(enum nl_kind kind, int family, int protocol)
{
	if (kind == NL_UNIX_DIAG)
		return "unix sockets";
	if (protocol == IPPROTO_TCP)
		return family == AF_INET ? "tcp sockets" : "tcp6 sockets";
	return family == AF_INET ? "udp sockets" : "udp6 sockets";
}

static int
scan_dump(struct scan *s, enum nl_kind kind, int family, int protocol)
{
	int rc;

	s->protocol = protocol;
	nldump_start(&s->dump);
	rc = collect_netlink_dump(gen_collect(s->ctx), kind, family,
	    protocol, scan_buffer, s);
	return nldump_finish(&s->dump, s->ctx, rc,
	    dump_name(kind, family, protocol));
}

int
socket_is_listening(const struct nlp_sock *sk)
{
	switch (sk->family) {
	case AF_INET:
	case AF_INET6:
		if (sk->protocol == IPPROTO_TCP)
			return sk->state == TCP_LISTEN;
		return sk->remote_port == 0 && sk->local_port != 0;
	case AF_UNIX:
		if (sk->path[0] == '\0')
			return 0;
		return sk->state == TCP_LISTEN ||
		    (sk->type == SOCK_DGRAM && sk->state == TCP_CLOSE);
	}
	return 0;
}

int
socket_scan(struct gen_ctx *ctx, const struct socket_scan_opts *opts,
    socket_row_fn fn, void *arg)
{
	static const struct {
		int	family;
		int	protocol;
	} inet[] = {
		{ AF_INET, IPPROTO_TCP }, { AF_INET6, IPPROTO_TCP },
		{ AF_INET, IPPROTO_UDP }, { AF_INET6, IPPROTO_UDP },
	};
	struct scan s;
	size_t i;
	int rc = 0;

	memset(&s, 0, sizeof(s));
	s.ctx = ctx;
	s.opts = opts;
	s.fn = fn;
	s.arg = arg;
	if (opts->want_netns)
		scan_read_netns(&s);
	if (scan_read_owners(&s) == -1)
		rc = -1;
	for (i = 0; rc == 0 && i < sizeof(inet) / sizeof(inet[0]); i++)
		rc = scan_dump(&s, NL_INET_DIAG, inet[i].family,
		    inet[i].protocol);
	if (rc == 0)
		rc = scan_dump(&s, NL_UNIX_DIAG, AF_UNSPEC, 0);
	sock_owners_free(&s.owners);
	return rc;
}
